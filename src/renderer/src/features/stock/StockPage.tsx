import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@renderer/auth/AuthContext';
import { DonationsPanel } from './DonationsPanel';
import { ForecastPanel } from './ForecastPanel';
import { IssuePanel } from './IssuePanel';
import { ItemsPanel } from './ItemsPanel';
import { NormsPanel } from './NormsPanel';
import { OnHandPanel } from './OnHandPanel';
import { ReceivePanel } from './ReceivePanel';
import { ReportPanel } from './ReportPanel';
import { StocktakePanel } from './StocktakePanel';
import { StoreSelector } from './StoreSelector';
import type { StoreScope } from './storeScope';

type StockTab =
  | 'onHand'
  | 'receive'
  | 'issue'
  | 'stocktake'
  | 'donations'
  | 'items'
  | 'report'
  | 'norms'
  | 'forecast';

/** Supplies: what is on hand, receipts and issues, the catalogue, the period report. */
export function StockPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('stock.manage');
  const [tab, setTab] = useState<StockTab>('onHand');
  const [locationId, setLocationId] = useState<number | undefined>(undefined);
  const scope: StoreScope = locationId === undefined ? { siteId } : { siteId, locationId };
  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Stack
        direction="row"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2, alignItems: 'center' }}
      >
        <Tabs value={tab} onChange={(_e, v: StockTab) => setTab(v)} sx={{ flex: 1 }}>
          <Tab value="onHand" label={t('stock.tabOnHand')} />
          {canManage && <Tab value="receive" label={t('stock.tabReceive')} />}
          {canManage && <Tab value="issue" label={t('stock.tabIssue')} />}
          {canManage && <Tab value="stocktake" label={t('stock.tabStocktake')} />}
          <Tab value="donations" label={t('stock.tabDonations')} />
          <Tab value="items" label={t('stock.tabItems')} />
          <Tab value="report" label={t('stock.tabReport')} />
          <Tab value="norms" label={t('supply.tabNorms')} />
          <Tab value="forecast" label={t('supply.tabForecast')} />
        </Tabs>
        <StoreSelector
          siteId={siteId}
          locationId={locationId}
          canManage={canManage}
          onChange={setLocationId}
        />
      </Stack>
      {/* Keyed by store: a half-typed form never posts to a store other than the one it shows. */}
      <Box key={locationId ?? 'main'}>
        {tab === 'onHand' && <OnHandPanel scope={scope} />}
        {tab === 'receive' && <ReceivePanel scope={scope} />}
        {tab === 'issue' && <IssuePanel scope={scope} />}
        {tab === 'stocktake' && <StocktakePanel scope={scope} />}
        {tab === 'report' && <ReportPanel scope={scope} />}
      </Box>
      {tab === 'donations' && <DonationsPanel siteId={siteId} />}
      {tab === 'items' && <ItemsPanel />}
      {/* The forecast and its norms are the whole site's, every store included. */}
      {tab === 'norms' && <NormsPanel siteId={siteId} />}
      {tab === 'forecast' && <ForecastPanel siteId={siteId} />}
    </Box>
  );
}
