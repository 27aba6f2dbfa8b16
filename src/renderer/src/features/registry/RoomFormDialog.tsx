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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { Room, RoomFeature } from '@shared/domain';
import { call } from '@renderer/api/client';
import { ConflictDialog, type ConflictRow } from '@renderer/components/ConflictDialog';
import { fieldProblem, numberField } from '@renderer/components/contractForm';
import { useVersionedWrite } from '@renderer/components/useVersionedWrite';
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

const roomValuesOf = (room: Room): RoomFields => ({
  number: room.number,
  capacity: room.capacity,
  type: room.type,
  features: room.features,
  notes: room.notes,
});

/** Their room beside the typed one, field by field, in words. */
function roomConflictRows(t: TFunction, theirs: Room, mine: RoomFields): ConflictRow[] {
  const features = (list: readonly RoomFeature[]) => list.map((f) => t(`feature.${f}`)).join('、');
  const status = t(`status.${theirs.status}`);
  return [
    { label: t('rooms.number'), theirs: theirs.number, yours: mine.number },
    { label: t('rooms.capacity'), theirs: String(theirs.capacity), yours: String(mine.capacity) },
    {
      label: t('rooms.type'),
      theirs: t(`roomType.${theirs.type}`),
      yours: t(`roomType.${mine.type}`),
    },
    {
      label: t('rooms.features'),
      theirs: features(theirs.features),
      yours: features(mine.features),
    },
    { label: t('common.notes'), theirs: theirs.notes, yours: mine.notes },
    // The status is not this form's to edit: shown because it may be what changed.
    { label: t('rooms.statusCol'), theirs: status, yours: status },
  ];
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
  const versioned = useVersionedWrite<Room, RoomFields>(
    mode.kind === 'edit' ? mode.room.version : 0,
  );
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const form = useForm<RoomValues, unknown, RoomFields>({
    resolver: zodResolver(roomSchema),
    defaultValues:
      mode.kind === 'edit'
        ? roomValuesOf(mode.room)
        : { number: mode.suggestedNumber, capacity: 1, type: 'single', features: [], notes: '' },
  });
  const { errors } = form.formState;
  const submit = useSubmit();
  const problem = (key: keyof RoomValues) =>
    fieldProblem(t, errors[key] as FieldError | undefined, submit.fields[key]);

  const save = async (fields: RoomFields) => {
    const ok = await submit.run(() =>
      mode.kind === 'edit'
        ? versioned.write(fields, (mine, expectedVersion) =>
            call('rooms.update', { id: mode.room.id, expectedVersion, ...mine }),
          )
        : call('rooms.create', { floorId: mode.floorId, ...fields }),
    );
    if (ok) onSaved();
  };
  const takeTheirs = () => {
    const theirs = versioned.takeTheirs();
    if (theirs) form.reset(roomValuesOf(theirs));
    submit.reset();
  };
  const keepMine = async () => {
    if (await submit.run(versioned.keepMine)) onSaved();
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
      <ConflictDialog
        current={versioned.conflict?.current ?? null}
        rows={
          versioned.conflict
            ? roomConflictRows(t, versioned.conflict.current.record, versioned.conflict.mine)
            : []
        }
        onUseTheirs={takeTheirs}
        onKeepMine={() => void keepMine()}
      />
    </form>
  );
}
