import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomOccupant } from '@shared/people';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { FormDialog, type FormField } from '@renderer/components/FormDialog';
import { numberOrNaN } from '@renderer/components/numberInput';
import { standingText } from '@renderer/i18n/observation';
import { useNotify } from '@renderer/notify';
import { ageText } from '@renderer/i18n/ageText';

type Action = 'release' | 'transfer' | 'extend' | 'move';

/** Who is in the room, with the day their observation ends, and what the coordinator can do next. */
export function OccupantsSection({ roomId, siteId }: { roomId: number; siteId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const can = useCan();
  const occupants = useApiQuery('rooms.occupants', { roomId }, { skip: !can('people.read') });
  const [acting, setActing] = useState<{ action: Action; who: RoomOccupant } | null>(null);
  if (!can('people.read')) return null;

  const fields: Record<Action, FormField[]> = {
    release: [],
    transfer: [{ name: 'hospital', label: t('occupants.hospital'), initial: '', required: true }],
    extend: [
      { name: 'days', label: t('occupants.days'), initial: '7', type: 'number', required: true },
      { name: 'reason', label: t('common.reason'), initial: '', required: true },
    ],
    move: [
      { name: 'room', label: t('occupants.targetRoom'), initial: '', required: true },
      { name: 'reason', label: t('common.reason'), initial: '', required: true },
    ],
  };
  const run = async (action: Action, who: RoomOccupant, v: Record<string, string>) => {
    if (action === 'release') return call('stays.checkOut', { id: who.stayId, kind: 'release' });
    if (action === 'transfer')
      return call('stays.checkOut', {
        id: who.stayId,
        kind: 'transfer',
        hospital: v.hospital ?? '',
      });
    if (action === 'extend')
      return call('stays.extend', {
        id: who.stayId,
        days: numberOrNaN(v.days ?? ''),
        reason: v.reason ?? '',
      });
    const page = await call('rooms.page', { siteId, search: (v.room ?? '').trim(), limit: 5 });
    const target = page.rows.find((r) => r.number === (v.room ?? '').trim().toUpperCase());
    return call('stays.move', { id: who.stayId, roomId: target?.id ?? 0, reason: v.reason ?? '' });
  };

  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{t('occupants.title')}</Typography>
      {occupants.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('occupants.none')}
        </Typography>
      )}
      {occupants.data && occupants.data.length > 0 && (
        <Table size="small" aria-label={t('occupants.title')}>
          <TableBody>
            {occupants.data.map((o) => (
              <TableRow key={o.stayId}>
                <TableCell>
                  {o.fullName} · {t(`gender.${o.gender}`)} · {ageText(t, o.age)}
                  <Typography variant="body2" color={o.daysLeft <= 0 ? 'error' : 'text.secondary'}>
                    {t('occupants.endsOn', {
                      date: o.observationEnd,
                      standing: standingText(t, o.daysLeft),
                    })}
                  </Typography>
                </TableCell>
                {can('people.manage') && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {(['release', 'transfer', 'extend', 'move'] as const).map((a) => (
                      <Button
                        key={a}
                        size="small"
                        color={a === 'transfer' ? 'error' : 'primary'}
                        onClick={() => setActing({ action: a, who: o })}
                      >
                        {t(`occupants.${a}`)}
                      </Button>
                    ))}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {occupants.error && <Alert severity="error">{occupants.error.message}</Alert>}
      <FormDialog
        open={acting !== null}
        title={acting ? `${t(`occupants.${acting.action}`)} · ${acting.who.fullName}` : ''}
        fields={acting ? fields[acting.action] : []}
        onSubmit={(v) => (acting ? run(acting.action, acting.who, v) : Promise.resolve())}
        onDone={() => {
          setActing(null);
          notify(t('occupants.done'));
        }}
        onClose={() => setActing(null)}
      />
    </Stack>
  );
}
