import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutySheet, RosterGrid } from '@shared/roster';
import { siteDay } from '@shared/siteDate';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { errorText } from '@renderer/i18n/errorText';
import { DutySheetDocument } from './DutySheetDocument';
import { PersonalScheduleDocument } from './PersonalScheduleDocument';
import { WeeklyRosterDocument } from './WeeklyRosterDocument';

/** The weekly roster (landscape) and one day's duty sheet, each in a print preview. */
export function RosterPrints(props: {
  grid: RosterGrid;
  which: 'weekly' | 'duty' | null;
  /** A staff member whose personal schedule to print. */
  personal: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { grid } = props;
  const site = useApiQuery('sites.list', { includeRetired: true });
  const siteName = site.data?.find((s) => s.id === grid.period.siteId)?.name ?? '';
  const today = siteDay(new Date());
  const [day, setDay] = useState(grid.days.includes(today) ? today : grid.days[0]!);
  const [sheet, setSheet] = useState<{ key: string; value?: DutySheet; error?: unknown } | null>(
    null,
  );
  const key = `${grid.period.id}/${day}`;

  useEffect(() => {
    if (props.which !== 'duty') return;
    let current = true;
    // Each fetch is an audited print (phone numbers in full).
    call('roster.dutySheet', { periodId: grid.period.id, day }).then(
      (value) => current && setSheet({ key, value }),
      (error: unknown) => current && setSheet({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [props.which, grid.period.id, day, key]);
  const shown = sheet?.key === key ? sheet : null;

  return (
    <>
      <PrintPreview
        title={t('roster.printWeekly')}
        open={props.which === 'weekly'}
        onClose={props.onClose}
        landscape
        pdfName={`roster-${grid.period.startsOn}.pdf`}
      >
        {props.which === 'weekly' ? <WeeklyRosterDocument grid={grid} siteName={siteName} /> : null}
      </PrintPreview>
      <PrintPreview
        title={t('roster.printDuty')}
        open={props.which === 'duty'}
        onClose={props.onClose}
        pdfName={`duty-${day}.pdf`}
        controls={
          <TextField
            select
            size="small"
            label={t('roster.dutyDay')}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            sx={{ minWidth: 150 }}
          >
            {grid.days.map((d) => (
              <MenuItem key={d} value={d}>
                {d}
              </MenuItem>
            ))}
          </TextField>
        }
      >
        {shown?.value ? (
          <DutySheetDocument sheet={shown.value} />
        ) : shown?.error ? (
          <Alert severity="error">{errorText(t, shown.error)}</Alert>
        ) : null}
      </PrintPreview>
      <PrintPreview
        title={t('roster.printPersonal')}
        open={props.personal !== null}
        onClose={props.onClose}
        pdfName={`schedule-${grid.period.startsOn}.pdf`}
      >
        {props.personal !== null ? (
          <PersonalScheduleDocument grid={grid} staffId={props.personal} siteName={siteName} />
        ) : null}
      </PrintPreview>
    </>
  );
}
