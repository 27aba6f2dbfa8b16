import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatTenths,
  SYMPTOMS,
  type ReadingRecord,
  type RoundRow,
  type Symptom,
} from '@shared/health';
import { call } from '@renderer/api/client';
import { conflictOf } from '@renderer/components/useVersionedWrite';
import { formatClock, formatDateTime } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { ageText } from '@renderer/i18n/ageText';

/**
 * One resident's line of the round: type the temperature, Enter saves it (with the ticked
 * symptoms) and moves on; ticking a symptom after that saves again.
 */
export function RoundRowEditor(props: {
  row: RoundRow;
  day: string;
  slot: number;
  canRecord: boolean;
  inputRef: (element: HTMLInputElement | null) => void;
  onNext: () => void;
  onSaved: (reading: ReadingRecord) => void;
}) {
  const { t } = useTranslation();
  const { row } = props;
  const [reading, setReading] = useState<ReadingRecord | null>(row.reading);
  const [typed, setTyped] = useState(
    row.reading ? formatTenths(row.reading.temperatureTenths) : '',
  );
  const [symptoms, setSymptoms] = useState<Symptom[]>(row.reading?.symptoms ?? []);
  const [state, setState] = useState<{
    saving: boolean;
    error: string | null;
    /** Another nurse saved this reading first: her value is shown, and who typed it. */
    overtaken: string | null;
  }>({ saving: false, error: null, overtaken: null });
  const editable = props.canRecord && row.active;
  // The reading as this line last heard of it, and the saves in flight one after another: a
  // symptom ticked while the temperature is still being saved must be sent on the version that
  // save made, not taken for another nurse's reading.
  const latest = useRef<ReadingRecord | null>(row.reading);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const save = (nextSymptoms: Symptom[]): Promise<boolean> => {
    const run = queue.current.then(() => saveNow(nextSymptoms));
    queue.current = run.catch(() => undefined);
    return run;
  };

  const saveNow = async (nextSymptoms: Symptom[]): Promise<boolean> => {
    const value = Number(typed.trim().replace(',', '.'));
    if (typed.trim() === '' || Number.isNaN(value)) return false;
    setState({ saving: true, error: null, overtaken: null });
    try {
      const saved = await call('readings.record', {
        stayId: row.stayId,
        day: props.day,
        slot: props.slot,
        temperature: value,
        symptoms: nextSymptoms,
        // What this sheet shows: a correction of another nurse's reading must be deliberate.
        expectedVersion: latest.current?.version ?? 0,
      });
      latest.current = saved;
      setReading(saved);
      setTyped(formatTenths(saved.temperatureTenths));
      setState({ saving: false, error: null, overtaken: null });
      props.onSaved(saved);
      return true;
    } catch (error) {
      const theirs = conflictOf<ReadingRecord>(error)?.record;
      if (!theirs) {
        setState({ saving: false, error: errorText(t, error), overtaken: null });
        return false;
      }
      // Hers stays (nothing was overwritten); typing again and Enter corrects it on purpose.
      latest.current = theirs;
      setReading(theirs);
      setTyped(formatTenths(theirs.temperatureTenths));
      setSymptoms(theirs.symptoms);
      setState({
        saving: false,
        error: null,
        overtaken: t('conflict.readingTaken', {
          by: theirs.recordedBy ?? t('conflict.someone'),
          time: formatClock(theirs.recordedAt),
          value: formatTenths(theirs.temperatureTenths),
        }),
      });
      props.onSaved(theirs);
      return false;
    }
  };

  const fever = reading?.fever ?? false;
  return (
    <TableRow hover selected={fever} data-testid={`round-row-${row.stayId}`}>
      <TableCell>{row.roomNumber}</TableCell>
      <TableCell>
        {row.fullName}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {t(`gender.${row.gender}`)} {ageText(t, row.age)}
        </Typography>
      </TableCell>
      <TableCell sx={{ width: 110 }}>
        <TextField
          size="small"
          value={typed}
          disabled={!editable}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const unchanged = reading !== null && typed === formatTenths(reading.temperatureTenths);
            if (typed.trim() === '' || unchanged) props.onNext();
            else void save(symptoms).then((ok) => ok && props.onNext());
          }}
          slotProps={{
            htmlInput: {
              inputMode: 'decimal',
              'aria-label': `${row.fullName} ${t('health.temperature')}`,
              ref: props.inputRef,
              style: { width: 56 },
            },
          }}
          error={state.error !== null || fever}
        />
      </TableCell>
      {SYMPTOMS.map((s) => (
        <TableCell key={s} padding="checkbox" align="center">
          <Checkbox
            size="small"
            disabled={!editable}
            checked={symptoms.includes(s)}
            title={t(`symptom.${s}`)}
            onChange={(e) => {
              const next = e.target.checked ? [...symptoms, s] : symptoms.filter((x) => x !== s);
              setSymptoms(next);
              if (reading !== null || typed.trim() !== '') void save(next);
            }}
            slotProps={{ input: { 'aria-label': `${row.fullName} ${t(`symptom.${s}`)}` } }}
            sx={{ p: 0.5 }}
          />
        </TableCell>
      ))}
      <TableCell>
        {fever && <Chip size="small" color="error" label={t('health.fever')} sx={{ mr: 1 }} />}
        {!row.active && <Chip size="small" label={t('health.left')} sx={{ mr: 1 }} />}
        <Typography
          component="span"
          variant="body2"
          color={state.error ? 'error' : state.overtaken ? 'warning.main' : 'text.secondary'}
          role={state.error || state.overtaken ? 'alert' : undefined}
        >
          {state.saving
            ? t('health.saving')
            : (state.error ??
              state.overtaken ??
              (reading
                ? t('health.saved', {
                    by: reading.recordedBy ?? '—',
                    at: formatDateTime(reading.recordedAt),
                  })
                : ''))}
        </Typography>
      </TableCell>
    </TableRow>
  );
}
