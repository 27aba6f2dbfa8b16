import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room, RoomFeature, RoomType } from '@shared/domain';
import { call } from '@renderer/api/client';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { FeaturePicker } from './FeaturePicker';
import { RoomTypeSelect } from './RoomTypeSelect';

export type RoomFormMode =
  { kind: 'create'; floorId: number; suggestedNumber: string } | { kind: 'edit'; room: Room };

/** Create one room on a floor, or edit one. Opened fresh each time so it starts from the room. */
export function RoomFormDialog(props: {
  open: boolean;
  mode: RoomFormMode;
  onClose: () => void;
  onSaved: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      {props.open && <RoomForm {...props} />}
    </Dialog>
  );
}

function RoomForm({
  mode,
  onClose,
  onSaved,
}: {
  mode: RoomFormMode;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const initial = mode.kind === 'edit' ? mode.room : undefined;
  const [number, setNumber] = useState(
    initial?.number ?? (mode.kind === 'create' ? mode.suggestedNumber : ''),
  );
  const [capacity, setCapacity] = useState(String(initial?.capacity ?? 1));
  const [type, setType] = useState<RoomType>(initial?.type ?? 'single');
  const [features, setFeatures] = useState<RoomFeature[]>(initial?.features ?? []);
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const submit = useSubmit();

  const save = async () => {
    const fields = { number, capacity: numberOrNaN(capacity), type, features, notes };
    const ok = await submit.run(() =>
      mode.kind === 'edit'
        ? call('rooms.update', { id: mode.room.id, ...fields })
        : call('rooms.create', { floorId: mode.floorId, ...fields }),
    );
    if (ok) onSaved();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DialogTitle>
        {mode.kind === 'edit' ? `${t('common.edit')} ${mode.room.number}` : t('rooms.addRoom')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('rooms.number')}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              error={!!submit.fields.number}
              helperText={submit.fields.number}
              required
              autoFocus
            />
            <TextField
              label={t('rooms.capacity')}
              type="number"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              error={!!submit.fields.capacity}
              helperText={submit.fields.capacity}
              slotProps={{ htmlInput: { min: 1, max: 20 } }}
              sx={{ width: 110 }}
            />
            <RoomTypeSelect value={type} onChange={setType} error={submit.fields.type} />
          </Stack>
          <FeaturePicker value={features} onChange={setFeatures} />
          <TextField
            label={t('common.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            error={!!submit.fields.notes}
            helperText={submit.fields.notes}
            multiline
            minRows={2}
          />
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
