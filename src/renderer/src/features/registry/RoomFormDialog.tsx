import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { Room } from '@shared/domain';
import { call } from '@renderer/api/client';
import { fieldProblem, numberField } from '@renderer/components/contractForm';
import { useSubmit } from '@renderer/components/useSubmit';
import { RoomFeaturesField, RoomTypeField } from './RoomKindFields';

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

/** The fields a room form edits, checked by the contract's create schema less its floor. */
const roomSchema = contract['rooms.create'].input.omit({ floorId: true });
type RoomValues = z.input<typeof roomSchema>;
type RoomFields = z.output<typeof roomSchema>;

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
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const form = useForm<RoomValues, unknown, RoomFields>({
    resolver: zodResolver(roomSchema),
    defaultValues: {
      number: initial?.number ?? (mode.kind === 'create' ? mode.suggestedNumber : ''),
      capacity: initial?.capacity ?? 1,
      type: initial?.type ?? 'single',
      features: initial?.features ?? [],
      notes: initial?.notes ?? '',
    },
  });
  const { errors } = form.formState;
  const submit = useSubmit();
  const problem = (key: keyof RoomValues) =>
    fieldProblem(t, errors[key] as FieldError | undefined, submit.fields[key]);

  const save = async (fields: RoomFields) => {
    const ok = await submit.run(() =>
      mode.kind === 'edit'
        ? call('rooms.update', { id: mode.room.id, ...fields })
        : call('rooms.create', { floorId: mode.floorId, ...fields }),
    );
    if (ok) onSaved();
  };

  const { ref: numberRef, ...numberProps } = form.register('number');
  const { ref: notesRef, ...notesProps } = form.register('notes');
  return (
    <form onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate>
      <DialogTitle>
        {mode.kind === 'edit' ? `${t('common.edit')} ${mode.room.number}` : t('rooms.addRoom')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('rooms.number')}
              {...numberProps}
              inputRef={numberRef}
              error={!!problem('number')}
              helperText={problem('number')}
              required
              autoFocus
            />
            <TextField
              label={t('rooms.capacity')}
              {...numberField(form.register, 'capacity')}
              error={!!problem('capacity')}
              helperText={problem('capacity')}
              sx={{ width: 110 }}
            />
            <RoomTypeField control={form.control} name="type" error={problem('type')} />
          </Stack>
          <RoomFeaturesField control={form.control} name="features" />
          <TextField
            label={t('common.notes')}
            {...notesProps}
            inputRef={notesRef}
            error={!!problem('notes')}
            helperText={problem('notes')}
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
