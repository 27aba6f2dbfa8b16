import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

/** First run: register the site, or load the demo site. */
export function Welcome({ onReady }: { onReady: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const submit = useSubmit();

  const create = async () => {
    if (await submit.run(() => call('sites.create', { name, address }))) onReady();
  };
  const loadDemo = async () => {
    if (await submit.run(() => call('demo.load', {}))) onReady();
  };

  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100%', p: 3 }}>
      <Paper sx={{ p: 4, width: 520 }} variant="outlined">
        <Typography variant="h5" component="h1" gutterBottom>
          {t('welcome.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('welcome.intro')}
        </Typography>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <TextField
            label={t('welcome.siteName')}
            placeholder={t('welcome.siteNamePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={!!submit.fields.name}
            helperText={submit.fields.name}
            autoFocus
            required
          />
          <TextField
            label={t('welcome.siteAddress')}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            error={!!submit.fields.address}
            helperText={submit.fields.address}
          />
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          <Button type="submit" variant="contained" disabled={submit.busy}>
            {t('welcome.createSite')}
          </Button>
        </Stack>
        <Divider sx={{ my: 3 }} />
        <Stack spacing={1}>
          <Button variant="outlined" onClick={() => void loadDemo()} disabled={submit.busy}>
            {t('welcome.loadDemo')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('welcome.demoHint')}
          </Typography>
        </Stack>
      </Paper>
    </Box>
  );
}
