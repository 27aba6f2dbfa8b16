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
import { SignInFingerprint } from '@renderer/features/host/SignInFingerprint';

export function LoginScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const signIn = async () => {
    const ok = await submit.run(() => call('auth.login', { username, password }));
    setPassword('');
    if (ok) onSignedIn();
  };

  return (
    <Box
      sx={{
        display: 'grid',
        placeItems: 'center',
        minHeight: '100%',
        p: 3,
        bgcolor: 'background.default',
      }}
    >
      <Paper variant="outlined" sx={{ p: 4, width: 380 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {t('app.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('auth.signInTitle')}
        </Typography>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void signIn();
          }}
        >
          <PlainTextField
            label={t('auth.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoFocus
            required
          />
          <PlainTextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={submit.busy}>
            {t('auth.signIn')}
          </Button>
        </Stack>
        <SignInFingerprint />
      </Paper>
    </Box>
  );
}
