import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYMPTOMS, type ReadingRecord } from '@shared/health';
import { siteDay } from '@shared/siteDate';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { FilterSelect } from '@renderer/components/FilterSelect';
import { formatDateTime } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { RoundRowEditor } from './RoundRowEditor';
import { currentSlot } from './rounds';
import { FieldRow } from '@renderer/components/FieldRow';
import { DateInput } from '@renderer/components/dates/DateInput';
import { isDay } from '@renderer/components/dates/pickerValue';

/** The round sheet of a floor: one line per resident in room order, typed with the keyboard. */
export function RoundSheetView({ siteId, roundTimes }: { siteId: number; roundTimes: string[] }) {
  const { t } = useTranslation();
  const canRecord = useCan()('health.record');
  const [day, setDay] = useState(() => siteDay(new Date()));
  const [slot, setSlot] = useState(() => currentSlot(roundTimes, new Date()));
  const buildings = useApiQuery('buildings.list', { siteId, includeRetired: false });
  const [pickedBuilding, setPickedBuilding] = useState<number | null>(null);
  const buildingId = pickedBuilding ?? buildings.data?.[0]?.id ?? null;
  const floors = useApiQuery(
    'floors.list',
    { buildingId: buildingId ?? 0, includeRetired: false },
    { skip: buildingId === null },
  );
  const [floorId, setFloorId] = useState<number | ''>('');
  const sheet = useApiQuery(
    'rounds.sheet',
    {
      siteId,
      day,
      slot,
      ...(buildingId === null ? {} : { buildingId }),
      ...(floorId === '' ? {} : { floorId }),
    },
    { skip: buildingId === null },
  );
  // Saved readings of this sheet, so the counts follow the typing without fetching it again.
  const [saved, setSaved] = useState<{ key: string; readings: Record<number, ReadingRecord> }>({
    key: '',
    readings: {},
  });
  const sheetKey = JSON.stringify([day, slot, buildingId, floorId]);
  const readings = saved.key === sheetKey ? saved.readings : {};
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const [onlyMissing, setOnlyMissing] = useState(false);
  const rows = sheet.data?.rows ?? [];
  const readingOf = (stayId: number, fallback: ReadingRecord | null) =>
    readings[stayId] ?? fallback;
  const recorded = rows.filter((r) => readingOf(r.stayId, r.reading) !== null).length;
  const fevers = rows.filter((r) => readingOf(r.stayId, r.reading)?.fever).length;
  const round = sheet.data?.round;

  return (
    <Stack spacing={2}>
      <FieldRow sx={{ alignItems: 'center' }}>
        <DateInput label={t('health.day')} value={day} onChange={(v) => isDay(v) && setDay(v)} />
        <TextField
          select
          label={t('health.round')}
          value={slot}
          onChange={(e) => setSlot(Number(e.target.value))}
          sx={{ minWidth: 140 }}
        >
          {roundTimes.map((time, i) => (
            <MenuItem key={time} value={i}>
              {t('health.roundAt', { time })}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('common.building')}
          value={buildingId ?? ''}
          onChange={(e) => {
            setPickedBuilding(Number(e.target.value));
            setFloorId('');
          }}
          sx={{ minWidth: 160 }}
        >
          {(buildings.data ?? []).map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.code} · {b.name}
            </MenuItem>
          ))}
        </TextField>
        <FilterSelect
          label={t('common.floor')}
          value={floorId}
          options={(floors.data ?? []).map((f) => ({ value: f.id, label: `${f.level}` }))}
          onChange={setFloorId}
          width={120}
        />
        <FormControlLabel
          control={
            <Switch checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
          }
          label={t('health.onlyMissing')}
        />
        {sheet.data && (
          <Typography data-testid="round-counts">
            {t('health.counts', {
              expected: rows.length,
              recorded,
              missing: rows.length - recorded,
              missingLabel: round?.closed ? t('health.missed') : t('health.pending'),
              fevers,
            })}
          </Typography>
        )}
      </FieldRow>
      {round && (
        <Alert severity={round.closed && recorded < rows.length ? 'warning' : 'info'}>
          {t(round.closed ? 'health.closedNote' : 'health.openNote', {
            closesAt: formatDateTime(round.closesAt),
          })}
        </Alert>
      )}
      {sheet.error && <Alert severity="error">{errorText(t, sheet.error)}</Alert>}
      {sheet.data && rows.length === 0 && (
        <Typography color="text.secondary">{t('health.noResidents')}</Typography>
      )}
      {rows.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label={t('health.tabRound')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('common.room')}</TableCell>
                <TableCell>{t('people.fullName')}</TableCell>
                <TableCell>{t('health.temperature')}</TableCell>
                {SYMPTOMS.map((s) => (
                  <TableCell
                    key={s}
                    padding="none"
                    align="center"
                    sx={{ fontSize: 12, whiteSpace: 'nowrap', px: 0.5 }}
                  >
                    {t(`symptom.${s}`)}
                  </TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) =>
                onlyMissing && readingOf(row.stayId, row.reading) !== null ? null : (
                  <RoundRowEditor
                    key={`${sheetKey}:${row.stayId}`}
                    row={row}
                    day={day}
                    slot={slot}
                    canRecord={canRecord}
                    inputRef={(el) => {
                      inputs.current[index] = el;
                    }}
                    onNext={() =>
                      inputs.current
                        .slice(index + 1)
                        .find((el) => el && !el.disabled)
                        ?.focus()
                    }
                    onSaved={(reading) =>
                      setSaved((s) => ({
                        key: sheetKey,
                        readings: {
                          ...(s.key === sheetKey ? s.readings : {}),
                          [row.stayId]: reading,
                        },
                      }))
                    }
                  />
                ),
              )}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
