import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { RegistryPanel } from '@renderer/features/registry/RegistryPanel';
import { BulkCreateDialog } from './BulkCreateDialog';
import { RoomBoard } from './RoomBoard';
import { RoomDialog } from './RoomDialog';
import { RoomList } from './RoomList';

type Tab = 'board' | 'list' | 'registry';

export function RoomsPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('registry.manage');
  const [tab, setTab] = useState<Tab>('board');
  const [openRoomId, setOpenRoomId] = useState<number | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const buildings = useApiQuery('buildings.list', { siteId, includeRetired: false });
  const list = buildings.data ?? [];

  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          borderBottom: 1,
          borderColor: 'divider',
          mb: 2,
        }}
      >
        <Tabs value={tab} onChange={(_e, v: Tab) => setTab(v)} sx={{ flex: 1 }}>
          <Tab value="board" label={t('rooms.tabBoard')} />
          <Tab value="list" label={t('rooms.tabList')} />
          {canManage && <Tab value="registry" label={t('rooms.tabRegistry')} />}
        </Tabs>
        {canManage && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setBulkOpen(true)}
            disabled={list.length === 0}
          >
            {t('rooms.bulkCreate')}
          </Button>
        )}
      </Box>
      {tab === 'board' && <RoomBoard siteId={siteId} buildings={list} onOpenRoom={setOpenRoomId} />}
      {tab === 'list' && <RoomList siteId={siteId} buildings={list} onOpenRoom={setOpenRoomId} />}
      {tab === 'registry' && canManage && (
        <RegistryPanel siteId={siteId} buildings={list} onBulkCreate={() => setBulkOpen(true)} />
      )}
      <RoomDialog roomId={openRoomId} onClose={() => setOpenRoomId(null)} />
      <BulkCreateDialog
        open={bulkOpen}
        buildings={list}
        onClose={() => setBulkOpen(false)}
        onCreated={() => setBulkOpen(false)}
      />
    </Box>
  );
}
