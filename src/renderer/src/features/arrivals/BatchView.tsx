import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalBatch } from '../../../../shared/people';
import { useQuery } from '../../api/useQuery';
import { useCan } from '../../auth/AuthContext';
import { AllocationPanel } from './AllocationPanel';
import { MembersTable } from './MembersTable';
import { RegisterGrid } from './RegisterGrid';

export function BatchView({
  batch,
  siteId,
  onChanged,
}: {
  batch: ArrivalBatch;
  siteId: number;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const canManage = useCan()('people.manage');
  const [tab, setTab] = useState<'register' | 'allocate'>('register');
  const [version, setVersion] = useState(0);
  const members = useQuery('arrivals.members', { batchId: batch.id }, { refreshKey: version });
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h6" component="h1">
        {batch.label}
      </Typography>
      <Typography color="text.secondary" variant="body2">
        {new Date(batch.arrivedAt).toLocaleString(i18n.language)} ·{' '}
        {t('arrivals.counts', { registered: batch.registered, checkedIn: batch.checkedIn })}
      </Typography>
      {canManage && (
        <Tabs value={tab} onChange={(_e, v: 'register' | 'allocate') => setTab(v)} sx={{ my: 1 }}>
          <Tab value="register" label={t('arrivals.tabRegister')} />
          <Tab value="allocate" label={t('arrivals.tabAllocate')} />
        </Tabs>
      )}
      {canManage && tab === 'register' && (
        <RegisterGrid batchId={batch.id} onRegistered={changed} />
      )}
      {canManage && tab === 'allocate' && (
        <AllocationPanel batchId={batch.id} siteId={siteId} onConfirmed={changed} />
      )}
      <MembersTable members={members.data ?? []} />
    </Paper>
  );
}
