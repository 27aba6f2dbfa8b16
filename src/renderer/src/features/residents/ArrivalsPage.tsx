import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { errorText } from '@renderer/i18n/errorText';
import { BatchView } from './BatchView';
import { NewBatchDialog } from './NewBatchDialog';
import { formatDateTime } from '@renderer/i18n/dates';

/** Arrival batches on the left; the chosen batch's registration and allocation on the right. */
export function ArrivalsPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('people.manage');
  const batches = useApiQuery('arrivals.list', { siteId });
  const [picked, setPicked] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = batches.data?.find((b) => b.id === picked) ?? batches.data?.[0];

  return (
    <Box
      // minmax(0, …): the batch's column keeps to the page and its wide tables scroll inside it,
      // instead of the whole page scrolling sideways on a 1024 px screen.
      sx={{
        display: 'grid',
        gridTemplateColumns: '280px minmax(0, 1fr)',
        gap: 2,
        p: 2,
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined">
        <Box sx={{ p: 1.5, display: 'flex', alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
            {t('arrivals.title')}
          </Typography>
          {canManage && (
            <Button size="small" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('arrivals.newBatch')}
            </Button>
          )}
        </Box>
        {batches.error && <Alert severity="error">{errorText(t, batches.error)}</Alert>}
        {batches.data?.length === 0 && (
          <Typography sx={{ px: 2, pb: 2 }} color="text.secondary">
            {t('arrivals.noBatches')}
          </Typography>
        )}
        <List dense aria-label={t('arrivals.title')}>
          {batches.data?.map((b) => (
            <ListItemButton
              key={b.id}
              selected={b.id === selected?.id}
              onClick={() => setPicked(b.id)}
            >
              <ListItemText
                primary={b.label}
                secondary={`${formatDateTime(b.arrivedAt)} · ${t('arrivals.counts', { registered: b.registered, checkedIn: b.checkedIn })}`}
              />
            </ListItemButton>
          ))}
        </List>
      </Paper>
      {selected ? (
        <BatchView key={selected.id} batch={selected} siteId={siteId} />
      ) : (
        <Alert severity="info">{t('arrivals.pickBatch')}</Alert>
      )}
      <NewBatchDialog
        open={creating}
        siteId={siteId}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setPicked(id);
        }}
      />
    </Box>
  );
}
