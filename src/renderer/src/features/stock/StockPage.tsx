import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/AuthContext';
import { DonationsPanel } from './DonationsPanel';
import { IssuePanel } from './IssuePanel';
import { ItemsPanel } from './ItemsPanel';
import { OnHandPanel } from './OnHandPanel';
import { ReceivePanel } from './ReceivePanel';
import { ReportPanel } from './ReportPanel';
import { StocktakePanel } from './StocktakePanel';

type StockTab = 'onHand' | 'receive' | 'issue' | 'stocktake' | 'donations' | 'items' | 'report';

/** Supplies: what is on hand, receipts and issues, the catalogue, the period report. */
export function StockPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('stock.manage');
  const [tab, setTab] = useState<StockTab>('onHand');
  const [refreshKey, setRefreshKey] = useState(0);
  const changed = () => setRefreshKey((k) => k + 1);
  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Tabs
        value={tab}
        onChange={(_e, v: StockTab) => setTab(v)}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <Tab value="onHand" label={t('stock.tabOnHand')} />
        {canManage && <Tab value="receive" label={t('stock.tabReceive')} />}
        {canManage && <Tab value="issue" label={t('stock.tabIssue')} />}
        {canManage && <Tab value="stocktake" label={t('stock.tabStocktake')} />}
        <Tab value="donations" label={t('stock.tabDonations')} />
        <Tab value="items" label={t('stock.tabItems')} />
        <Tab value="report" label={t('stock.tabReport')} />
      </Tabs>
      {tab === 'onHand' && <OnHandPanel siteId={siteId} refreshKey={refreshKey} />}
      {tab === 'receive' && <ReceivePanel siteId={siteId} onPosted={changed} />}
      {tab === 'issue' && <IssuePanel siteId={siteId} onPosted={changed} />}
      {tab === 'stocktake' && (
        <StocktakePanel siteId={siteId} refreshKey={refreshKey} onPosted={changed} />
      )}
      {tab === 'donations' && <DonationsPanel siteId={siteId} refreshKey={refreshKey} />}
      {tab === 'items' && <ItemsPanel onChanged={changed} />}
      {tab === 'report' && <ReportPanel siteId={siteId} refreshKey={refreshKey} />}
    </Box>
  );
}
