import type { ParseKeys } from 'i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MANUAL_STATUS_TRANSITIONS,
  STATUSES_REQUIRING_REASON,
  type Room,
  type RoomStatus,
} from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { StatusChip } from './StatusChip';
import { DisinfectionForm } from './DisinfectionForm';
import { OccupantsSection } from './OccupantsSection';
import { RoomFormDialog } from './RoomFormDialog';
import { formatDateTime } from '@renderer/i18n/dates';

const ACTION_LABEL: Partial<Record<string, ParseKeys>> = {
  'available>out_of_service': 'rooms.setOutOfService',
  'available>reserved': 'rooms.reserve',
  'out_of_service>available': 'rooms.setAvailable',
  'reserved>available': 'rooms.releaseReservation',
};

function StatusActions({ room }: { room: Room }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const targets = MANUAL_STATUS_TRANSITIONS[room.status];
  // Occupied and awaiting-disinfection rooms are handled by their own sections below.
  if (targets.length === 0) return null;
  const needsReason = targets.some((s) => STATUSES_REQUIRING_REASON.includes(s));

  const change = async (status: RoomStatus) => {
    const ok = await submit.run(() =>
      call('rooms.setStatus', { id: room.id, status, ...(reason.trim() ? { reason } : {}) }),
    );
    if (ok) {
      setReason('');
      notify(t('rooms.statusChanged', { number: room.number, status: t(`status.${status}`) }));
    }
  };

  return (
    <Stack spacing={1.5}>
      {room.status === 'available' && (
        <TextField
          label={needsReason ? t('rooms.reasonRequired') : t('rooms.reasonOptional')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!submit.fields.reason}
          helperText={submit.fields.reason}
          slotProps={{ htmlInput: { maxLength: 200 } }}
          fullWidth
        />
      )}
      <Stack direction="row" spacing={1}>
        {targets.map((s) => (
          <Button
            key={s}
            variant={s === 'available' ? 'contained' : 'outlined'}
            disabled={submit.busy}
            onClick={() => void change(s)}
          >
            {t(ACTION_LABEL[`${room.status}>${s}`] ?? `status.${s}`)}
          </Button>
        ))}
      </Stack>
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
    </Stack>
  );
}

/** One room: its facts, the status changes the registry allows, its history, edit/retire/delete. */
export function RoomDialog(props: { roomId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const canManage = useCan()('registry.manage');
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'retire' | 'delete' | null>(null);
  const skip = props.roomId === null;
  const room = useApiQuery('rooms.get', { id: props.roomId ?? 1 }, { skip });
  const history = useApiQuery('rooms.statusHistory', { roomId: props.roomId ?? 1 }, { skip });
  const submit = useSubmit();
  const r = room.data && room.data.id === props.roomId ? room.data : undefined;

  const retireOrDelete = async (kind: 'retire' | 'delete') => {
    if (!r) return;
    const ok = await submit.run(() =>
      kind === 'retire' ? call('rooms.retire', { id: r.id }) : call('rooms.delete', { id: r.id }),
    );
    if (ok) {
      notify(t('common.saved'));
      props.onClose();
    }
  };

  return (
    <Dialog open={props.roomId !== null} onClose={props.onClose} maxWidth="sm" fullWidth>
      {r && (
        <>
          <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
            {t('common.room')} {r.number}
            <StatusChip status={r.status} />
          </DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <Box sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: 0.5 }}>
                <Typography color="text.secondary">{t('common.building')}</Typography>
                <Typography>{r.buildingCode}</Typography>
                <Typography color="text.secondary">{t('common.floor')}</Typography>
                <Typography>{r.floorLevel}</Typography>
                <Typography color="text.secondary">{t('rooms.type')}</Typography>
                <Typography>{t(`roomType.${r.type}`)}</Typography>
                <Typography color="text.secondary">{t('rooms.capacity')}</Typography>
                <Typography>{r.capacity}</Typography>
                <Typography color="text.secondary">{t('rooms.features')}</Typography>
                <Typography>
                  {r.features.map((f) => t(`feature.${f}`)).join('、') || '—'}
                </Typography>
                {r.statusReason && (
                  <>
                    <Typography color="text.secondary">{t('rooms.statusReason')}</Typography>
                    <Typography>{r.statusReason}</Typography>
                  </>
                )}
                {r.notes && (
                  <>
                    <Typography color="text.secondary">{t('common.notes')}</Typography>
                    <Typography sx={{ whiteSpace: 'pre-wrap' }}>{r.notes}</Typography>
                  </>
                )}
              </Box>
              <Divider />
              {canManage && <StatusActions key={`${r.id}-${r.status}`} room={r} />}
              {r.status === 'occupied' && <OccupantsSection roomId={r.id} siteId={r.siteId} />}
              {r.status === 'awaiting_disinfection' && canManage && (
                <DisinfectionForm roomId={r.id} roomNumber={r.number} />
              )}
              <Divider />
              <Typography variant="subtitle2">{t('rooms.history')}</Typography>
              {history.data && history.data.length === 0 ? (
                <Typography color="text.secondary" variant="body2">
                  {t('rooms.noHistory')}
                </Typography>
              ) : (
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('rooms.changedAt')}</TableCell>
                      <TableCell>{t('rooms.from')}</TableCell>
                      <TableCell>{t('rooms.to')}</TableCell>
                      <TableCell>{t('common.reason')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {history.data?.map((h) => (
                      <TableRow key={h.id}>
                        <TableCell>{formatDateTime(h.changedAt)}</TableCell>
                        <TableCell>{t(`status.${h.fromStatus}`)}</TableCell>
                        <TableCell>{t(`status.${h.toStatus}`)}</TableCell>
                        <TableCell>{h.reason ?? ''}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {submit.message && <Alert severity="error">{submit.message}</Alert>}
            </Stack>
          </DialogContent>
          <DialogActions>
            {canManage && (
              <>
                <Button color="error" onClick={() => setConfirm(r.everUsed ? 'retire' : 'delete')}>
                  {r.everUsed ? t('rooms.retireRoom') : t('rooms.deleteRoom')}
                </Button>
                {!r.everUsed && (
                  <Button color="warning" onClick={() => setConfirm('retire')}>
                    {t('common.retire')}
                  </Button>
                )}
              </>
            )}
            <Box sx={{ flex: 1 }} />
            {canManage && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            <Button variant="contained" onClick={props.onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
          <RoomFormDialog
            open={editing}
            mode={{ kind: 'edit', room: r }}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <ConfirmDialog
            open={confirm !== null}
            danger
            text={t(confirm === 'delete' ? 'rooms.deleteConfirm' : 'rooms.retireConfirm', {
              name: r.number,
            })}
            confirmLabel={confirm === 'delete' ? t('common.delete') : t('common.retire')}
            onConfirm={() => confirm && void retireOrDelete(confirm)}
            onClose={() => setConfirm(null)}
          />
        </>
      )}
    </Dialog>
  );
}
