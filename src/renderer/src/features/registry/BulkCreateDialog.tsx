import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { BulkCreateInput } from '@shared/contract';
import type { Building, BulkCreateResult } from '@shared/domain';
import { roomLabel } from '@shared/roomLabel';
import { call } from '@renderer/api/client';
import { fieldProblem, numberField } from '@renderer/components/contractForm';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { RoomFeaturesField, RoomTypeField } from './RoomKindFields';

export function BulkCreateDialog(props: {
  open: boolean;
  buildings: Building[];
  onClose: () => void;
  onCreated: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      {props.open && <BulkForm {...props} />}
    </Dialog>
  );
}

const schema = contract['rooms.bulkCreate'].input;
type BulkValues = z.input<typeof schema>;
type RangeKey = 'floorFrom' | 'floorTo' | 'roomFrom' | 'roomTo';

function BulkForm({
  buildings,
  onClose,
  onCreated,
}: {
  buildings: Building[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const form = useForm<BulkValues, unknown, BulkCreateInput>({
    resolver: zodResolver(schema),
    defaultValues: {
      buildingId: buildings[0]?.id ?? Number.NaN,
      floorFrom: 2,
      floorTo: 10,
      roomFrom: 1,
      roomTo: 30,
      capacity: 1,
      type: 'single',
      features: ['private_bathroom', 'window'],
    },
  });
  const { errors } = form.formState;
  const submit = useSubmit();

  const values = useWatch({ control: form.control });
  const building = buildings.find((b) => b.id === values.buildingId);
  const checked = schema.safeParse(values);
  const count = checked.success
    ? (checked.data.floorTo - checked.data.floorFrom + 1) *
      (checked.data.roomTo - checked.data.roomFrom + 1)
    : 0;

  const create = async (input: BulkCreateInput) => {
    let created: BulkCreateResult | undefined;
    const ok = await submit.run(async () => {
      created = await call('rooms.bulkCreate', input);
    });
    if (ok && created) {
      notify(
        t('bulk.created', {
          count: created.created,
          first: created.firstNumber,
          last: created.lastNumber,
          floors: created.floorsCreated,
        }),
      );
      onCreated();
    }
  };

  const problem = (key: keyof BulkValues) =>
    fieldProblem(t, errors[key] as FieldError | undefined, submit.fields[key]);
  const rangeField = (key: RangeKey) => (
    <TextField
      label={t(`bulk.${key}`)}
      {...numberField(form.register, key)}
      error={!!problem(key)}
      helperText={problem(key)}
      sx={{ width: 120 }}
    />
  );

  return (
    <form onSubmit={(e) => void form.handleSubmit(create)(e)} noValidate>
      <DialogTitle>{t('bulk.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Controller
            control={form.control}
            name="buildingId"
            render={({ field }) => (
              <TextField
                select
                label={t('common.building')}
                value={Number.isNaN(field.value) ? '' : field.value}
                onChange={(e) => field.onChange(Number(e.target.value))}
                error={building === undefined}
                helperText={building === undefined ? t('bulk.pickBuilding') : undefined}
                name="building"
              >
                {buildings.map((b) => (
                  <MenuItem key={b.id} value={b.id}>
                    {b.code} · {b.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
          <Stack direction="row" spacing={2}>
            {rangeField('floorFrom')}
            {rangeField('floorTo')}
            {rangeField('roomFrom')}
            {rangeField('roomTo')}
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('rooms.capacity')}
              {...numberField(form.register, 'capacity')}
              error={!!problem('capacity')}
              helperText={problem('capacity')}
              sx={{ width: 120 }}
            />
            <RoomTypeField control={form.control} name="type" error={problem('type')} />
          </Stack>
          <RoomFeaturesField control={form.control} name="features" />
          {building && checked.success && (
            <Typography data-testid="bulk-preview" color="text.secondary">
              {t('bulk.preview', {
                count,
                first: roomLabel(building.code, checked.data.floorFrom, checked.data.roomFrom),
                last: roomLabel(building.code, checked.data.floorTo, checked.data.roomTo),
              })}
            </Typography>
          )}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy || building === undefined}>
          {t('common.create')}
        </Button>
      </DialogActions>
    </form>
  );
}
