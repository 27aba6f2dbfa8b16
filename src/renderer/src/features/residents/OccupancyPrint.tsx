import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { FilterSelect } from '@renderer/components/FilterSelect';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { errorText } from '@renderer/i18n/errorText';
import { OccupancyDocument } from './OccupancyDocument';

/** Pick a building (and optionally one floor), preview its occupancy list, print it. */
export function OccupancyPrint(props: { siteId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const buildings = useApiQuery(
    'buildings.list',
    { siteId: props.siteId, includeRetired: false },
    { skip: !props.open },
  );
  const [picked, setPicked] = useState<number | null>(null);
  const buildingId = picked ?? buildings.data?.[0]?.id ?? null;
  const [floorId, setFloorId] = useState<number | ''>('');
  const floors = useApiQuery(
    'floors.list',
    { buildingId: buildingId ?? 0, includeRetired: false },
    { skip: !props.open || buildingId === null },
  );
  const list = useApiQuery(
    'prints.occupancy',
    { buildingId: buildingId ?? 0, ...(floorId === '' ? {} : { floorId }) },
    { skip: !props.open || buildingId === null },
  );
  const floor = floors.data?.find((f) => f.id === floorId);
  const floorLabel = floor ? t('print.floorN', { level: floor.level }) : t('print.allFloors');

  const controls = (
    <>
      <TextField
        select
        size="small"
        label={t('common.building')}
        value={buildingId ?? ''}
        onChange={(e) => {
          setPicked(Number(e.target.value));
          setFloorId('');
        }}
        sx={{ minWidth: 180 }}
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
        options={(floors.data ?? []).map((f) => ({
          value: f.id,
          label: t('print.floorN', { level: f.level }),
        }))}
        onChange={setFloorId}
        width={130}
        size="small"
      />
    </>
  );

  return (
    <PrintPreview
      title={t('residents.printOccupancy')}
      open={props.open}
      onClose={props.onClose}
      controls={controls}
    >
      {list.error ? (
        <Alert severity="error">{errorText(t, list.error)}</Alert>
      ) : list.data && !list.loading ? (
        <OccupancyDocument list={list.data} floorLabel={floorLabel} />
      ) : null}
    </PrintPreview>
  );
}
