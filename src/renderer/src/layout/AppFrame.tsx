import ApartmentIcon from '@mui/icons-material/Apartment';
import AssessmentIcon from '@mui/icons-material/Assessment';
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
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '@shared/domain';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { NotYet } from '@renderer/features/placeholder/NotYet';
import { AdminPage } from '@renderer/features/accounts/AdminPage';
import { ArrivalsPage } from '@renderer/features/residents/ArrivalsPage';
import { UserMenu } from '@renderer/features/accounts/UserMenu';
import { NoActiveSite } from '@renderer/features/registry/NoActiveSite';
import { FeverAlert } from '@renderer/features/health/FeverAlert';
import { HealthPage } from '@renderer/features/health/HealthPage';
import { ReportsPage } from '@renderer/features/reports/ReportsPage';
import { RosterPage } from '@renderer/features/roster/RosterPage';
import { StockPage } from '@renderer/features/stock/StockPage';
import { ResidentsPage } from '@renderer/features/residents/ResidentsPage';
import { RoomsPage } from '@renderer/features/registry/RoomsPage';
import { useCan } from '@renderer/auth/AuthContext';
import { SettingsPage } from '@renderer/features/settings/SettingsPage';
import {
  personFromHash,
  READY_SECTIONS,
  SECTIONS,
  sectionFromHash,
  type Section,
} from './sections';

const DRAWER_WIDTH = 212;

const ICONS: Record<Section, ReactElement> = {
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
  const canAdminister = can('users.manage') || can('audit.read') || can('settings.manage');
  const [hash, setHash] = useState(() => location.hash);
  const section = sectionFromHash(hash);
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

  let page: ReactElement;
  if (section === 'admin' && canAdminister) {
    page = <AdminPage />;
  } else if (section === 'allocation' && can('people.read') && activeSiteId !== null) {
    page = <ArrivalsPage siteId={activeSiteId} />;
  } else if (section === 'residents' && can('people.read') && activeSiteId !== null) {
    page = (
      <ResidentsPage siteId={activeSiteId} personId={personFromHash(hash)} navigate={navigate} />
    );
  } else if (section === 'health' && can('people.read') && activeSiteId !== null) {
    page = (
      <HealthPage
        siteId={activeSiteId}
        tab={hash === '#/health/fever' ? 'fever' : 'round'}
        onTab={(tab) => navigate(tab === 'fever' ? '#/health/fever' : '#/health')}
      />
    );
  } else if (section === 'roster' && can('roster.read') && activeSiteId !== null) {
    page = <RosterPage siteId={activeSiteId} />;
  } else if (section === 'stock' && can('stock.read') && activeSiteId !== null) {
    page = <StockPage siteId={activeSiteId} />;
  } else if (section === 'reports' && can('people.read') && activeSiteId !== null) {
    page = <ReportsPage siteId={activeSiteId} />;
  } else if (section === 'settings') {
    page = (
      <SettingsPage
        info={props.info}
        language={props.language}
        onLanguageChange={props.onLanguageChange}
      />
    );
  } else if (section === 'rooms' && sites.data && sites.data.length === 0) {
    page = <NoActiveSite onCreated={sites.reload} />;
  } else if (section === 'rooms' && activeSiteId !== null) {
    page = <RoomsPage siteId={activeSiteId} />;
  } else if (section === 'rooms') {
    page = <Typography sx={{ p: 3 }}>{t('common.loading')}</Typography>;
  } else {
    page = <NotYet section={t(`nav.${section}`)} />;
  }

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
          {SECTIONS.filter(
            (s) =>
              (s !== 'admin' || canAdminister) &&
              (!['allocation', 'residents', 'health', 'reports'].includes(s) || can('people.read')),
          ).map((s) => (
            <ListItemButton key={s} selected={section === s} onClick={() => go(s)}>
              <ListItemIcon sx={{ minWidth: 36 }}>{ICONS[s]}</ListItemIcon>
              <ListItemText
                primary={t(`nav.${s}`)}
                slotProps={{
                  primary: {
                    sx: { color: READY_SECTIONS.includes(s) ? 'text.primary' : 'text.secondary' },
                  },
                }}
              />
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
        {page}
      </Box>
    </Box>
  );
}
