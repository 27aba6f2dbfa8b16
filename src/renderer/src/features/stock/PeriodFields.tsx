import { useTranslation } from 'react-i18next';
import { DateInput } from '@renderer/components/dates/DateInput';
import { isDay } from '@renderer/components/dates/pickerValue';

/** The first and last day of a stock period; a cleared field keeps the day it had. */
export function PeriodFields(props: {
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateInput
        label={t('stock.from')}
        value={props.from}
        onChange={(v) => isDay(v) && props.onFrom(v)}
      />
      <DateInput
        label={t('stock.to')}
        value={props.to}
        onChange={(v) => isDay(v) && props.onTo(v)}
      />
    </>
  );
}
