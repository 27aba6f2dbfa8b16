import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '@shared/imports';
import { checkInDayOf, checkInWarning, type CheckInWarning } from '@shared/observation';
import { siteDay } from '@shared/siteDate';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { checkInWarningText } from '@renderer/i18n/observation';

export interface WarnedPerson {
  key: string | number;
  /** Who, as the list shows them: a name, or the file's row and the name. */
  who: string;
  warning: CheckInWarning;
}

/** One warning per person whose observation is already over on the check-in day, with the dates. */
export function CheckInWarnings({ people }: { people: WarnedPerson[] }) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="check-in-warnings" sx={{ my: 1 }}>
      <AlertTitle>{t('observationStanding.warningsTitle', { count: people.length })}</AlertTitle>
      {people.map((p) => (
        <div key={p.key}>
          {t('observationStanding.warningLine', {
            who: p.who,
            text: checkInWarningText(t, p.warning),
          })}
        </div>
      ))}
    </Alert>
  );
}

/**
 * The same warnings for the rows of an import preview, before anyone is registered: the file's
 * last exposure, the site's observation days, and the batch's check-in day.
 */
export function PreviewCheckInWarnings({
  rows,
  arrivedAt,
}: {
  rows: ImportRow[];
  arrivedAt: string;
}) {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const observationDays = settings.data?.observationDays;
  if (observationDays === undefined) return null;
  const checkInDay = checkInDayOf(siteDay(new Date(arrivedAt)), siteDay(new Date()));
  const people = rows.flatMap((r): WarnedPerson[] => {
    const warning = r.person
      ? checkInWarning({ lastExposureDate: r.person.lastExposureDate, observationDays, checkInDay })
      : null;
    return warning && r.person
      ? [{ key: r.line, who: `${t('arrivals.row', { n: r.line })} ${r.person.fullName}`, warning }]
      : [];
  });
  return <CheckInWarnings people={people} />;
}
