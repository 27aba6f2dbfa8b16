import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalBatch } from '@shared/people';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { AllocationPanel } from './AllocationPanel';
import { ImportDialog } from './ImportDialog';
import { MembersTable } from './MembersTable';
import { RegisterGrid } from './RegisterGrid';
import { formatDateTime } from '@renderer/i18n/dates';

export function BatchView({ batch, siteId }: { batch: ArrivalBatch; siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('people.manage');
  const [tab, setTab] = useState<'register' | 'allocate'>('register');
  const [importing, setImporting] = useState(false);
  const members = useApiQuery('arrivals.members', { batchId: batch.id });
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h6" component="h1">
        {batch.label}
      </Typography>
      <Typography color="text.secondary" variant="body2">
        {formatDateTime(batch.arrivedAt)} ·{' '}
        {t('arrivals.counts', { registered: batch.registered, checkedIn: batch.checkedIn })}
      </Typography>
      {canManage && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
          <Tabs value={tab} onChange={(_e, v: 'register' | 'allocate') => setTab(v)}>
            <Tab value="register" label={t('arrivals.tabRegister')} />
            <Tab value="allocate" label={t('arrivals.tabAllocate')} />
          </Tabs>
          <Button startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
            {t('import.open')}
          </Button>
        </Stack>
      )}
      {canManage && tab === 'register' && <RegisterGrid batchId={batch.id} />}
      {canManage && tab === 'allocate' && <AllocationPanel batchId={batch.id} siteId={siteId} />}
      <MembersTable members={members.data ?? []} />
      {canManage && (
        <ImportDialog
          open={importing}
          batchId={batch.id}
          arrivedAt={batch.arrivedAt}
          onClose={() => setImporting(false)}
        />
      )}
    </Paper>
  );
}
