import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident, ResidentSort, ResidentView } from '@shared/residents';
import { useKeysetPaging } from '@renderer/api/useKeysetPaging';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { formatDateTime, formatDay } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { standingText } from '@renderer/i18n/observation';
import { ageText } from '@renderer/i18n/ageText';
import { useGridLocaleText } from '@renderer/components/gridLocale';

const SORT_OF_COLUMN: Record<string, ResidentSort> = {
  roomNumber: 'room',
  observationEnd: 'observation_end',
  checkInAt: 'check_in',
};

/** The order each view opens in: the room walk, who leaves first, who left last. */
const DEFAULT_SORT: Record<ResidentView, GridSortModel> = {
  in_residence: [{ field: 'roomNumber', sort: 'asc' }],
  due_today: [{ field: 'roomNumber', sort: 'asc' }],
  due_tomorrow: [{ field: 'roomNumber', sort: 'asc' }],
  departed: [{ field: 'checkInAt', sort: 'desc' }],
};

export function DaysLeftChip({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  const label = standingText(t, days);
  if (days <= 0) return <Chip size="small" color="error" label={label} />;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={days === 1 ? 'warning' : 'default'}
      label={label}
    />
  );
}

/** Residents of one view, paged in SQLite by keyset; a row opens the person's page. */
export function ResidentGrid(props: {
  siteId: number;
  view: ResidentView;
  search: string;
  onOpenPerson: (personId: number) => void;
  onPrintNotice: (stayId: number) => void;
}) {
  const { t } = useTranslation();
  const gridLocaleText = useGridLocaleText();
  const [sorts, setSorts] = useState<Partial<Record<ResidentView, GridSortModel>>>({});
  const sortModel = sorts[props.view] ?? DEFAULT_SORT[props.view];
  const [pageSize, setPageSize] = useState(50);
  const sortItem = sortModel[0];
  const search = props.search.trim();
  const paging = useKeysetPaging(
    JSON.stringify([props.siteId, props.view, search, sortModel, pageSize]),
  );
  const query = useApiQuery(
    'residents.page',
    {
      siteId: props.siteId,
      view: props.view,
      ...(search ? { search } : {}),
      sort: SORT_OF_COLUMN[sortItem?.field ?? 'roomNumber'] ?? 'room',
      direction: sortItem?.sort === 'desc' ? 'desc' : 'asc',
      ...(paging.cursor ? { cursor: paging.cursor } : {}),
      limit: pageSize,
    },
    { skip: paging.lost },
  );

  const departed = props.view === 'departed';
  const columns = useMemo<GridColDef<Resident>[]>(() => {
    const cols: GridColDef<Resident>[] = [
      { field: 'roomNumber', headerName: t('common.room'), width: 100 },
      { field: 'fullName', headerName: t('people.fullName'), width: 120, sortable: false },
      {
        field: 'gender',
        headerName: t('people.gender'),
        width: 60,
        sortable: false,
        valueFormatter: (v: Resident['gender']) => t(`gender.${v}`),
      },
      {
        field: 'age',
        headerName: t('people.age'),
        width: 70,
        sortable: false,
        valueFormatter: (v: Resident['age']) => ageText(t, v),
      },
      {
        field: 'documentMasked',
        headerName: t('people.documentNumber'),
        width: 190,
        sortable: false,
      },
      {
        field: 'vulnerable',
        headerName: t('people.vulnerable'),
        width: 150,
        sortable: false,
        valueFormatter: (v: Resident['vulnerable']) =>
          v.map((f) => t(`vulnerable.${f}`)).join('、'),
      },
      {
        field: 'checkInAt',
        headerName: t('residents.checkIn'),
        width: 160,
        valueFormatter: (v: string | null) => (v ? formatDateTime(v) : ''),
      },
      {
        field: 'observationEnd',
        headerName: t('residents.observationEnd'),
        width: 150,
        valueFormatter: (v: string | null) => (v ? formatDay(v) : ''),
      },
    ];
    if (departed) {
      cols.push(
        {
          field: 'checkedOutAt',
          headerName: t('residents.left'),
          width: 160,
          sortable: false,
          valueFormatter: (v: string | null) => (v ? formatDateTime(v) : ''),
        },
        {
          field: 'checkoutKind',
          headerName: t('residents.howLeft'),
          width: 110,
          sortable: false,
          valueFormatter: (v: Resident['checkoutKind']) => (v ? t(`checkoutKind.${v}`) : ''),
        },
      );
    } else {
      cols.push(
        {
          field: 'daysLeft',
          headerName: t('residents.daysLeft'),
          width: 120,
          sortable: false,
          renderCell: ({ row }) => <DaysLeftChip days={row.daysLeft} />,
        },
        {
          field: 'notice',
          headerName: '',
          width: 110,
          sortable: false,
          renderCell: ({ row }) =>
            row.daysLeft !== null && row.daysLeft <= 0 ? (
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  props.onPrintNotice(row.stayId);
                }}
              >
                {t('residents.printNotice')}
              </Button>
            ) : null,
        },
      );
    }
    return cols;
  }, [t, departed, props]);

  return (
    <>
      {query.error && <Alert severity="error">{errorText(t, query.error)}</Alert>}
      <div style={{ height: 600, width: '100%' }}>
        <DataGrid
          localeText={gridLocaleText}
          rows={query.data?.rows ?? []}
          getRowId={(r) => r.stayId}
          columns={columns}
          rowCount={query.data?.total ?? 0}
          loading={query.loading}
          paginationMode="server"
          sortingMode="server"
          disableColumnFilter
          sortingOrder={['asc', 'desc']}
          sortModel={sortModel}
          onSortModelChange={(m) =>
            setSorts((s) => ({ ...s, [props.view]: m.length > 0 ? m : DEFAULT_SORT[props.view] }))
          }
          paginationModel={{ page: paging.page, pageSize }}
          onPaginationModelChange={(m: GridPaginationModel) =>
            m.pageSize !== pageSize
              ? setPageSize(m.pageSize)
              : paging.goTo(m.page, query.data?.nextCursor)
          }
          pageSizeOptions={[25, 50, 100]}
          onRowClick={({ row }) => props.onOpenPerson(row.personId)}
          density="compact"
          disableRowSelectionOnClick
        />
      </div>
    </>
  );
}
