import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

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
      <TextField
        type="date"
        label={t('stock.from')}
        value={props.from}
        onChange={(e) => e.target.value && props.onFrom(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        label={t('stock.to')}
        value={props.to}
        onChange={(e) => e.target.value && props.onTo(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </>
  );
}
