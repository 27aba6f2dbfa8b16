import ApartmentIcon from '@mui/icons-material/Apartment';
import AssessmentIcon from '@mui/icons-material/Assessment';
import DashboardIcon from '@mui/icons-material/Dashboard';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FavoriteIcon from '@mui/icons-material/Favorite';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PeopleIcon from '@mui/icons-material/People';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import SettingsIcon from '@mui/icons-material/Settings';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Suspense, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '@shared/domain';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { UserMenu } from '@renderer/features/accounts/UserMenu';
import { NoActiveSite } from '@renderer/features/registry/NoActiveSite';
import { FeverAlert } from '@renderer/features/health/FeverAlert';
import { useCan } from '@renderer/auth/AuthContext';
import type { HelpDialog } from '@renderer/app/HelpDialogs';
import { HelpMenu } from '@renderer/app/HelpMenu';
import { useDeskCommands } from '@renderer/app/useDeskCommands';
import {
  openableSections,
  personFromHash,
  SECTION_PAGES,
  sectionFromHash,
  sectionToShow,
  type Section,
} from './sections';

const {
  today: TodayPage,
  rooms: RoomsPage,
  allocation: ArrivalsPage,
  residents: ResidentsPage,
  health: HealthPage,
  roster: RosterPage,
  stock: StockPage,
  reports: ReportsPage,
  admin: AdminPage,
  settings: SettingsPage,
} = SECTION_PAGES;

const DRAWER_WIDTH = 212;

/** After sign-in settles: long enough that the home screen's own work is done first. */
const PRELOAD_AFTER_MS = 2_000;

/**
 * Fetches the pages this user may open while the desk is idle, so a first click on a section shows
 * it at once rather than after its chunk and React's 300 ms hold on a suspended page. Where the
 * page has no idle callbacks (tests' DOM), pages keep loading on their first opening.
 */
function usePagesPreloadedWhenIdle(sections: readonly Section[]): void {
  const key = sections.join();
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') return;
    let idle = 0;
    const timer = window.setTimeout(() => {
      idle = window.requestIdleCallback(() => {
        for (const section of key.split(',') as Section[]) void SECTION_PAGES[section].preload();
      });
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle) window.cancelIdleCallback(idle);
    };
  }, [key]);
}

const ICONS: Record<Section, ReactElement> = {
  today: <DashboardIcon />,
  rooms: <ApartmentIcon />,
  allocation: <GroupAddIcon />,
  residents: <PeopleIcon />,
  health: <FavoriteIcon />,
  roster: <EventNoteIcon />,
  stock: <Inventory2Icon />,
  reports: <AssessmentIcon />,
  admin: <AdminPanelSettingsIcon />,
  settings: <SettingsIcon />,
};

export function AppFrame(props: {
  info: AppInfo;
  language: Language;
  onLanguageChange: (language: Language) => Promise<void>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [hash, setHash] = useState(() => location.hash);
  const section = sectionToShow(sectionFromHash(hash), can);
  const sites = useApiQuery('sites.list', { includeRetired: false });
  const [siteId, setSiteId] = useState<number | null>(null);
  const activeSiteId = siteId ?? sites.data?.[0]?.id ?? null;

  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, []);

  /** In-app navigation: a history entry per screen, so Back works as people expect. */
  const navigate = (next: string) => {
    window.history.pushState(null, '', next);
    setHash(next);
  };
  const go = (next: Section) => navigate(`#/${next}`);
  const [helpDialog, setHelpDialog] = useState<HelpDialog | null>(null);
  const sections = openableSections(can);
  usePagesPreloadedWhenIdle(sections);
  useDeskCommands({
    openSection: (index) => {
      const next = sections[index];
      if (next) go(next);
    },
    showShortcuts: () => setHelpDialog('shortcuts'),
    showAbout: () => setHelpDialog('about'),
  });

  const siteLoading = <Typography sx={{ p: 3 }}>{t('common.loading')}</Typography>;
  const sitePage = (render: (siteId: number) => ReactElement): ReactElement =>
    activeSiteId === null ? siteLoading : render(activeSiteId);
  const pages: Record<Section, () => ReactElement> = {
    today: () =>
      sites.data && sites.data.length === 0 ? (
        <NoActiveSite onCreated={sites.reload} />
      ) : (
        sitePage((siteId) => <TodayPage siteId={siteId} navigate={navigate} />)
      ),
    admin: () => <AdminPage />,
    allocation: () => sitePage((siteId) => <ArrivalsPage siteId={siteId} />),
    residents: () =>
      sitePage((siteId) => (
        <ResidentsPage siteId={siteId} personId={personFromHash(hash)} navigate={navigate} />
      )),
    health: () =>
      sitePage((siteId) => (
        <HealthPage
          siteId={siteId}
          tab={hash === '#/health/fever' ? 'fever' : 'round'}
          onTab={(tab) => navigate(tab === 'fever' ? '#/health/fever' : '#/health')}
        />
      )),
    roster: () => sitePage((siteId) => <RosterPage siteId={siteId} />),
    stock: () => sitePage((siteId) => <StockPage siteId={siteId} />),
    reports: () => sitePage((siteId) => <ReportsPage siteId={siteId} />),
    settings: () => (
      <SettingsPage
        info={props.info}
        language={props.language}
        onLanguageChange={props.onLanguageChange}
      />
    ),
    rooms: () =>
      sites.data && sites.data.length === 0 ? (
        <NoActiveSite onCreated={sites.reload} />
      ) : (
        sitePage((siteId) => <RoomsPage siteId={siteId} />)
      ),
  };
  const page = pages[section]();

  return (
    <Box sx={{ display: 'flex', height: '100%' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 600 }}>
            {t('app.title')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          {sites.data && sites.data.length > 1 ? (
            <Select
              value={activeSiteId ?? ''}
              onChange={(e) => setSiteId(Number(e.target.value))}
              sx={{
                color: 'inherit',
                minWidth: 240,
                '.MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,.5)' },
              }}
              inputProps={{ 'aria-label': t('common.site') }}
            >
              {sites.data.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </Select>
          ) : (
            <Typography variant="body1">{sites.data?.[0]?.name}</Typography>
          )}
          <HelpMenu info={props.info} open={helpDialog} onOpen={setHelpDialog} />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <List component="nav" aria-label={t('app.title')}>
          {sections.map((s) => (
            <ListItemButton key={s} selected={section === s} onClick={() => go(s)}>
              <ListItemIcon sx={{ minWidth: 36 }}>{ICONS[s]}</ListItemIcon>
              <ListItemText primary={t(`nav.${s}`)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box
        component="main"
        sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}
      >
        <Toolbar variant="dense" />
        {can('people.read') && activeSiteId !== null && (
          <FeverAlert siteId={activeSiteId} onOpen={() => navigate('#/health/fever')} />
        )}
        {/* A page's code loads on its first opening; the frame stays while it does. */}
        <Suspense fallback={siteLoading}>{page}</Suspense>
      </Box>
    </Box>
  );
}
