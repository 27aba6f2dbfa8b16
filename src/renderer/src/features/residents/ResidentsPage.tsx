import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentView } from '@shared/residents';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { personHash } from '@renderer/layout/sections';
import { RoomDialog } from '@renderer/features/registry/RoomDialog';
import { AwaitingDisinfectionList } from './AwaitingDisinfectionList';
import { OccupancyPrint } from './OccupancyPrint';
import { PersonPage } from './PersonPage';
import { ReleaseNoticePrint } from './ReleaseNoticePrint';
import { ResidentGrid } from './ResidentGrid';
import { mark } from '@renderer/app/pageMarks';

type View = ResidentView | 'awaiting';
const VIEW_LABELS = {
  in_residence: 'residents.viewIn_residence',
  due_today: 'residents.viewDue_today',
  due_tomorrow: 'residents.viewDue_tomorrow',
  departed: 'residents.viewDeparted',
  awaiting: 'residents.viewAwaiting',
} as const satisfies Record<View, string>;
const VIEWS = Object.keys(VIEW_LABELS) as View[];

/** Who is here, who is due to leave, who has left, and which rooms wait for disinfection. */
export function ResidentsPage(props: {
  siteId: number;
  personId: number | null;
  navigate: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('in_residence');
  const [search, setSearch] = useState('');
  const [noticeStayId, setNoticeStayId] = useState<number | null>(null);
  const [occupancyOpen, setOccupancyOpen] = useState(false);
  const [openRoomId, setOpenRoomId] = useState<number | null>(null);

  // The tabs that call for action show how many are waiting (a one-row page carries the total).
  const dueToday = useApiQuery('residents.page', {
    siteId: props.siteId,
    view: 'due_today',
    limit: 1,
  });
  const dueTomorrow = useApiQuery('residents.page', {
    siteId: props.siteId,
    view: 'due_tomorrow',
    limit: 1,
  });
  const awaiting = useApiQuery('rooms.page', {
    siteId: props.siteId,
    statuses: ['awaiting_disinfection'],
    limit: 1,
  });
  const counts: Partial<Record<View, number | undefined>> = {
    due_today: dueToday.data?.total,
    due_tomorrow: dueTomorrow.data?.total,
    awaiting: awaiting.data?.total,
  };

  if (props.personId !== null) {
    return (
      <PersonPage
        personId={props.personId}
        onBack={() => props.navigate('#/residents')}
        onPrintNotice={setNoticeStayId}
        noticeDialog={
          <ReleaseNoticePrint stayId={noticeStayId} onClose={() => setNoticeStayId(null)} />
        }
      />
    );
  }

  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={view} onChange={(_e, v: View) => setView(v)} sx={{ flex: 1 }}>
          {VIEWS.map((v) => (
            <Tab
              key={v}
              value={v}
              label={
                <span>
                  {t(VIEW_LABELS[v])}
                  {counts[v] ? (
                    <Chip
                      size="small"
                      color={v === 'due_today' ? 'error' : v === 'awaiting' ? 'warning' : 'primary'}
                      label={counts[v]}
                      sx={{ ml: 1, height: 20 }}
                    />
                  ) : null}
                </span>
              }
            />
          ))}
        </Tabs>
        <Button startIcon={<PrintIcon />} onClick={() => setOccupancyOpen(true)}>
          {t('residents.printOccupancy')}
        </Button>
      </Box>
      {view === 'awaiting' ? (
        <AwaitingDisinfectionList siteId={props.siteId} onOpenRoom={setOpenRoomId} />
      ) : (
        <>
          <TextField
            label={t('residents.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            slotProps={{ htmlInput: mark('search') }}
            sx={{ width: 300, my: 2 }}
          />
          <ResidentGrid
            siteId={props.siteId}
            view={view}
            search={search}
            onOpenPerson={(personId) => props.navigate(personHash(personId))}
            onPrintNotice={setNoticeStayId}
          />
        </>
      )}
      <ReleaseNoticePrint stayId={noticeStayId} onClose={() => setNoticeStayId(null)} />
      <OccupancyPrint
        siteId={props.siteId}
        open={occupancyOpen}
        onClose={() => setOccupancyOpen(false)}
      />
      <RoomDialog roomId={openRoomId} onClose={() => setOpenRoomId(null)} />
    </Box>
  );
}
