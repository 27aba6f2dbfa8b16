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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building, RoomFeature, RoomType } from '@shared/domain';
import { roomLabel } from '@shared/roomLabel';
import { call } from '@renderer/api/client';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { FeaturePicker } from './FeaturePicker';
import { RoomTypeSelect } from './RoomTypeSelect';

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
  const [buildingId, setBuildingId] = useState<number | ''>(buildings[0]?.id ?? '');
  const [range, setRange] = useState({
    floorFrom: '2',
    floorTo: '10',
    roomFrom: '1',
    roomTo: '30',
  });
  const [capacity, setCapacity] = useState('1');
  const [type, setType] = useState<RoomType>('single');
  const [features, setFeatures] = useState<RoomFeature[]>(['private_bathroom', 'window']);
  const submit = useSubmit();

  const building = buildings.find((b) => b.id === buildingId);
  const n = Object.fromEntries(
    Object.entries(range).map(([k, v]) => [k, numberOrNaN(v)]),
  ) as Record<keyof typeof range, number>;
  const valid =
    Object.values(n).every(Number.isInteger) && n.floorFrom <= n.floorTo && n.roomFrom <= n.roomTo;
  const count = valid ? (n.floorTo - n.floorFrom + 1) * (n.roomTo - n.roomFrom + 1) : 0;

  const create = async () => {
    if (buildingId === '') return;
    let created:
      | { created: number; firstNumber: string; lastNumber: string; floorsCreated: number }
      | undefined;
    const ok = await submit.run(async () => {
      created = await call('rooms.bulkCreate', {
        buildingId,
        ...n,
        capacity: numberOrNaN(capacity),
        type,
        features,
      });
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

  const rangeField = (key: keyof typeof range) => (
    <TextField
      label={t(`bulk.${key}`)}
      type="number"
      value={range[key]}
      onChange={(e) => setRange((r) => ({ ...r, [key]: e.target.value }))}
      error={!!submit.fields[key]}
      helperText={submit.fields[key]}
      sx={{ width: 120 }}
      name={key}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <DialogTitle>{t('bulk.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('common.building')}
            value={buildingId}
            onChange={(e) => setBuildingId(Number(e.target.value))}
            error={buildingId === ''}
            helperText={buildingId === '' ? t('bulk.pickBuilding') : undefined}
            name="building"
          >
            {buildings.map((b) => (
              <MenuItem key={b.id} value={b.id}>
                {b.code} · {b.name}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            {rangeField('floorFrom')}
            {rangeField('floorTo')}
            {rangeField('roomFrom')}
            {rangeField('roomTo')}
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('rooms.capacity')}
              type="number"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              error={!!submit.fields.capacity}
              helperText={submit.fields.capacity}
              sx={{ width: 120 }}
              name="capacity"
            />
            <RoomTypeSelect value={type} onChange={setType} />
          </Stack>
          <FeaturePicker value={features} onChange={setFeatures} />
          {building && valid && (
            <Typography data-testid="bulk-preview" color="text.secondary">
              {t('bulk.preview', {
                count,
                first: roomLabel(building.code, n.floorFrom, n.roomFrom),
                last: roomLabel(building.code, n.floorTo, n.roomTo),
              })}
            </Typography>
          )}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy || buildingId === ''}>
          {t('common.create')}
        </Button>
      </DialogActions>
    </form>
  );
}
