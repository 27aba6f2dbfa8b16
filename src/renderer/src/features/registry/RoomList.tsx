import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { mark } from '@renderer/app/pageMarks';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSortField } from '@shared/contract';
import { ROOM_STATUSES, type Building, type Room, type RoomStatus } from '@shared/domain';
import { useKeysetPaging } from '@renderer/api/useKeysetPaging';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { StatusChip } from './StatusChip';
import { FilterSelect } from '@renderer/components/FilterSelect';
import { errorText } from '@renderer/i18n/errorText';
import { useGridLocaleText } from '@renderer/components/gridLocale';

/** Grid column → the service's keyset sort. */
const SORT_OF_COLUMN: Record<string, RoomSortField> = {
  number: 'location',
  capacity: 'capacity',
  status: 'status',
  type: 'type',
};

interface Props {
  siteId: number;
  buildings: Building[];
  onOpenRoom: (roomId: number) => void;
}

/** The rooms as a sortable, filterable grid, paged in SQLite by keyset (useKeysetPaging). */
export function RoomList({ siteId, buildings, onOpenRoom }: Props) {
  const { t } = useTranslation();
  const gridLocaleText = useGridLocaleText();
  const [buildingId, setBuildingId] = useState<number | ''>('');
  const [status, setStatus] = useState<RoomStatus | ''>('');
  const [search, setSearch] = useState('');
  const [sortModel, setSortModel] = useState<GridSortModel>([{ field: 'number', sort: 'asc' }]);
  const [pageSize, setPageSize] = useState(50);

  const sortItem = sortModel[0];
  // A new filter, sort or page size starts again from the first page with no cursors.
  const filterKey = JSON.stringify([siteId, buildingId, status, search, sortModel, pageSize]);
  const paging = useKeysetPaging(filterKey);
  const { page, cursor } = paging;

  const query = useApiQuery(
    'rooms.page',
    {
      siteId,
      ...(buildingId === '' ? {} : { buildingId }),
      ...(status === '' ? {} : { statuses: [status] }),
      ...(search.trim() ? { search: search.trim() } : {}),
      sort: SORT_OF_COLUMN[sortItem?.field ?? 'number'] ?? 'location',
      direction: sortItem?.sort === 'desc' ? 'desc' : 'asc',
      ...(cursor ? { cursor } : {}),
      limit: pageSize,
    },
    { skip: paging.lost },
  );

  const onPaginationModelChange = (model: GridPaginationModel) => {
    if (model.pageSize !== pageSize) {
      setPageSize(model.pageSize);
      return;
    }
    paging.goTo(model.page, query.data?.nextCursor);
  };

  const columns = useMemo<GridColDef<Room>[]>(
    () => [
      { field: 'number', headerName: t('rooms.number'), width: 110 },
      { field: 'buildingCode', headerName: t('common.building'), width: 90, sortable: false },
      { field: 'floorLevel', headerName: t('common.floor'), width: 80, sortable: false },
      {
        field: 'type',
        headerName: t('rooms.type'),
        width: 110,
        valueFormatter: (v: Room['type']) => t(`roomType.${v}`),
      },
      { field: 'capacity', headerName: t('rooms.capacity'), width: 80, type: 'number' },
      {
        field: 'status',
        headerName: t('rooms.statusCol'),
        width: 140,
        renderCell: ({ row }) => <StatusChip status={row.status} />,
      },
      {
        field: 'statusReason',
        headerName: t('rooms.statusReason'),
        flex: 1,
        minWidth: 160,
        sortable: false,
      },
      {
        field: 'features',
        headerName: t('rooms.features'),
        flex: 1,
        minWidth: 200,
        sortable: false,
        valueFormatter: (v: Room['features']) => v.map((f) => t(`feature.${f}`)).join('、'),
      },
    ],
    [t],
  );

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('rooms.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{ htmlInput: mark('search') }}
          sx={{ width: 180 }}
        />
        <FilterSelect
          label={t('common.building')}
          value={buildingId}
          options={buildings.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
          onChange={setBuildingId}
        />
        <FilterSelect
          label={t('rooms.statusCol')}
          value={status}
          options={ROOM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={setStatus}
        />
      </Stack>
      {query.error && <Alert severity="error">{errorText(t, query.error)}</Alert>}
      <div style={{ height: 640, width: '100%' }}>
        <DataGrid
          localeText={gridLocaleText}
          rows={query.data?.rows ?? []}
          columns={columns}
          rowCount={query.data?.total ?? 0}
          loading={query.loading}
          paginationMode="server"
          sortingMode="server"
          disableColumnFilter
          sortingOrder={['asc', 'desc']}
          sortModel={sortModel}
          onSortModelChange={(m) =>
            setSortModel(m.length > 0 ? m : [{ field: 'number', sort: 'asc' }])
          }
          paginationModel={{ page, pageSize }}
          onPaginationModelChange={onPaginationModelChange}
          pageSizeOptions={[25, 50, 100]}
          onRowClick={({ row }) => onOpenRoom(row.id)}
          density="compact"
          disableRowSelectionOnClick
        />
      </div>
    </Stack>
  );
}
