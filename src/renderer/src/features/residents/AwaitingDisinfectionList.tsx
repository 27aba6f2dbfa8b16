import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '@shared/domain';
import { useKeysetPaging } from '@renderer/api/useKeysetPaging';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { errorText } from '@renderer/i18n/errorText';
import { useGridLocaleText } from '@renderer/components/gridLocale';

/** Rooms whose occupants have left; opening one records its disinfection. */
export function AwaitingDisinfectionList(props: {
  siteId: number;
  onOpenRoom: (roomId: number) => void;
}) {
  const { t } = useTranslation();
  const gridLocaleText = useGridLocaleText();
  const [pageSize, setPageSize] = useState(50);
  const paging = useKeysetPaging(JSON.stringify([props.siteId, pageSize]));
  const query = useApiQuery(
    'rooms.page',
    {
      siteId: props.siteId,
      statuses: ['awaiting_disinfection'],
      limit: pageSize,
      ...(paging.cursor ? { cursor: paging.cursor } : {}),
    },
    { skip: paging.lost },
  );
  const columns = useMemo<GridColDef<Room>[]>(
    () => [
      { field: 'number', headerName: t('rooms.number'), width: 120, sortable: false },
      { field: 'buildingCode', headerName: t('common.building'), width: 90, sortable: false },
      { field: 'floorLevel', headerName: t('common.floor'), width: 80, sortable: false },
      {
        field: 'type',
        headerName: t('rooms.type'),
        width: 120,
        sortable: false,
        valueFormatter: (v: Room['type']) => t(`roomType.${v}`),
      },
      { field: 'capacity', headerName: t('rooms.capacity'), width: 90, sortable: false },
    ],
    [t],
  );
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ my: 2 }}>
        {t('residents.roomsAwaiting')}
      </Typography>
      {query.error && <Alert severity="error">{errorText(t, query.error)}</Alert>}
      <div style={{ height: 560, width: '100%' }}>
        <DataGrid
          localeText={gridLocaleText}
          rows={query.data?.rows ?? []}
          columns={columns}
          rowCount={query.data?.total ?? 0}
          loading={query.loading}
          paginationMode="server"
          paginationModel={{ page: paging.page, pageSize }}
          onPaginationModelChange={(m: GridPaginationModel) =>
            m.pageSize !== pageSize
              ? setPageSize(m.pageSize)
              : paging.goTo(m.page, query.data?.nextCursor)
          }
          pageSizeOptions={[25, 50, 100]}
          onRowClick={({ row }) => props.onOpenRoom(row.id)}
          density="compact"
          disableRowSelectionOnClick
          disableColumnFilter
        />
      </div>
    </>
  );
}
