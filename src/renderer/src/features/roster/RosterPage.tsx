import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PostsPanel } from './PostsPanel';
import { RosterGridView } from './RosterGridView';
import { StaffPanel } from './StaffPanel';

type RosterTab = 'grid' | 'staff' | 'posts';

/** The 24-hour duty roster: the grid, the staff, the posts and their shifts. */
export function RosterPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<RosterTab>('grid');
  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Tabs
        value={tab}
        onChange={(_e, v: RosterTab) => setTab(v)}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <Tab value="grid" label={t('roster.tabGrid')} />
        <Tab value="staff" label={t('roster.tabStaff')} />
        <Tab value="posts" label={t('roster.tabPosts')} />
      </Tabs>
      {tab === 'grid' && <RosterGridView siteId={siteId} />}
      {tab === 'staff' && <StaffPanel />}
      {tab === 'posts' && <PostsPanel siteId={siteId} />}
    </Box>
  );
}
