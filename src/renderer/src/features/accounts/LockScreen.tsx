import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { PlainTextField } from '@renderer/components/PlainTextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';

/** Covers everything until the same user types their password, or someone signs out. */
export function LockScreen({ name, onChanged }: { name: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const unlock = async () => {
    const ok = await submit.run(() => call('auth.unlock', { password }));
    setPassword('');
    if (ok) onChanged();
  };
  const signOut = async () => {
    await submit.run(() => call('auth.logout', {}));
    onChanged();
  };

  return (
    <Box
      sx={{ display: 'grid', placeItems: 'center', minHeight: '100%', p: 3, bgcolor: '#27364a' }}
    >
      <Paper sx={{ p: 4, width: 400 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <LockIcon color="primary" />
          <Typography variant="h5" component="h1">
            {t('auth.lockedTitle')}
          </Typography>
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('auth.lockedBody', { name })}
        </Typography>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <PlainTextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            autoFocus
            required
          />
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={submit.busy} sx={{ flex: 1 }}>
              {t('auth.unlock')}
            </Button>
            <Button onClick={() => void signOut()} disabled={submit.busy}>
              {t('auth.switchUser')}
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
