import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useCan } from '@renderer/auth/AuthContext';
import { useSubmit } from '@renderer/components/useSubmit';

/** Every site was retired: a coordinator registers the next one here. */
export function NoActiveSite({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const submit = useSubmit();
  return (
    <Box sx={{ p: 4, maxWidth: 560 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6" component="h1" gutterBottom>
          {t('welcome.createSite')}
        </Typography>
        {can('registry.manage') ? (
          <Stack
            component="form"
            spacing={2}
            onSubmit={(e) => {
              e.preventDefault();
              void submit
                .run(() => call('sites.create', { name, address }))
                .then((ok) => ok && onCreated());
            }}
          >
            <TextField
              label={t('welcome.siteName')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={!!submit.fields.name}
              helperText={submit.fields.name}
              required
            />
            <TextField
              label={t('welcome.siteAddress')}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            {submit.message && <Alert severity="error">{submit.message}</Alert>}
            <Button type="submit" variant="contained" disabled={submit.busy}>
              {t('welcome.createSite')}
            </Button>
          </Stack>
        ) : (
          <Alert severity="info">{t('errors.FORBIDDEN')}</Alert>
        )}
      </Paper>
    </Box>
  );
}
