import { codeKey } from '@renderer/i18n/keys';
import type { TFunction } from 'i18next';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationLine, AllocationReason } from '@shared/people';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { checkInWarningText } from '@renderer/i18n/observation';
import { useNotify } from '@renderer/notify';
import { CheckInWarnings } from './CheckInWarnings';

interface RoomOption {
  id: number;
  number: string;
  freeBeds: number;
}

const ageText = (t: TFunction, age: number | null | undefined): string =>
  typeof age === 'number' ? t('allocation.age', { age }) : t('allocation.ageUnknown');

function reasonText(t: TFunction, r: AllocationReason): string {
  const p = r.params;
  return t(`allocation.reason.${r.code}`, {
    ...p,
    typeLabel: typeof p.type === 'string' ? t(codeKey('roomType', p.type)) : '',
    flagLabel: typeof p.flag === 'string' ? t(codeKey('vulnerable', p.flag)) : '',
    ageLabel: ageText(t, typeof p.age === 'number' ? p.age : null),
  });
}

/**
 * The suggestion for the batch, one line per person with its reasons; any room can be changed
 * before confirming, and the confirmation checks everyone in at once.
 */
export function AllocationPanel({ batchId, siteId }: { batchId: number; siteId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [lines, setLines] = useState<AllocationLine[] | null>(null);
  const [unplaced, setUnplaced] = useState(0);
  const board = useApiQuery('rooms.board', { siteId, statuses: ['available', 'occupied'] });
  const options = useMemo<RoomOption[]>(
    () =>
      board.data?.floors.flatMap((f) =>
        f.rooms
          .filter((r) => r.freeBeds > 0)
          .map((r) => ({ id: r.id, number: r.number, freeBeds: r.freeBeds })),
      ) ?? [],
    [board.data],
  );
  const suggest = useSubmit();
  const confirm = useSubmit();

  const loadSuggestion = async () => {
    await suggest.run(async () => {
      const plan = await call('allocation.suggest', { batchId });
      setLines(plan.lines);
      setUnplaced(plan.unplaced);
    });
  };
  const confirmAll = async () => {
    if (!lines) return;
    const chosen = lines
      .filter((l) => l.roomId !== null)
      .map((l) => ({ stayId: l.stayId, roomId: l.roomId! }));
    if (await confirm.run(() => call('allocation.confirm', { batchId, lines: chosen }))) {
      notify(t('allocation.confirmed', { count: chosen.length }));
      setLines(null);
    }
  };
  const setRoom = (stayId: number, room: RoomOption | null) =>
    setLines(
      (all) =>
        all?.map((l) =>
          l.stayId === stayId
            ? { ...l, roomId: room?.id ?? null, roomNumber: room?.number ?? null, reasons: [] }
            : l,
        ) ?? null,
    );

  return (
    <Box>
      <Button variant="outlined" onClick={() => void loadSuggestion()} disabled={suggest.busy}>
        {t('allocation.suggest')}
      </Button>
      {suggest.message && <Alert severity="error">{suggest.message}</Alert>}
      {lines && lines.length === 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('allocation.noPending')}
        </Alert>
      )}
      {lines && lines.length > 0 && (
        <>
          <CheckInWarnings
            people={lines.flatMap((l) =>
              l.checkInWarning
                ? [{ key: l.stayId, who: l.fullName, warning: l.checkInWarning }]
                : [],
            )}
          />
          {unplaced > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('allocation.unplaced', { count: unplaced })}
            </Alert>
          )}
          <Table size="small" aria-label={t('allocation.suggest')} sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('people.fullName')}</TableCell>
                <TableCell>{t('people.age')}</TableCell>
                <TableCell>{t('people.household')}</TableCell>
                <TableCell sx={{ width: 170 }}>{t('allocation.room')}</TableCell>
                <TableCell>{t('allocation.reasons')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.stayId}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.fullName}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{ageText(t, l.age)}</TableCell>
                  <TableCell>{l.household ?? ''}</TableCell>
                  <TableCell>
                    <Autocomplete
                      size="small"
                      options={options}
                      value={
                        options.find((o) => o.id === l.roomId) ??
                        (l.roomId
                          ? { id: l.roomId, number: l.roomNumber ?? '', freeBeds: 0 }
                          : null)
                      }
                      getOptionLabel={(o) => o.number}
                      isOptionEqualToValue={(a, b) => a.id === b.id}
                      onChange={(_e, room) => setRoom(l.stayId, room)}
                      renderInput={(params) => (
                        <TextField
                          {...params}
                          variant="standard"
                          slotProps={{
                            ...params.slotProps,
                            htmlInput: {
                              ...params.slotProps.htmlInput,
                              'aria-label': `${l.fullName} ${t('allocation.room')}`,
                            },
                          }}
                        />
                      )}
                    />
                  </TableCell>
                  <TableCell sx={{ fontSize: 13 }}>
                    {l.reasons.map((r) => reasonText(t, r)).join('；')}
                    {l.checkInWarning && (
                      <Box sx={{ color: 'warning.dark' }}>
                        {checkInWarningText(t, l.checkInWarning)}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {confirm.message && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {confirm.message}
            </Alert>
          )}
          <Button
            variant="contained"
            sx={{ mt: 1 }}
            onClick={() => void confirmAll()}
            disabled={confirm.busy}
          >
            {t('allocation.confirm')}
          </Button>
        </>
      )}
    </Box>
  );
}
