import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';
import { SetupBackupKey } from '@renderer/features/backups/SetupBackupKey';

/** First run: the first administrator and the site, in one step; then signed in. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [admin, setAdmin] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [siteKind, setSiteKind] = useState<'new' | 'demo'>('new');
  const [site, setSite] = useState({ name: '', address: '' });
  const [mismatch, setMismatch] = useState(false);
  // Signed in after the first step: the backups' recovery key comes next.
  const [keyStep, setKeyStep] = useState(false);
  const submit = useSubmit();
  const f = submit.fields;

  const start = async () => {
    if (admin.password !== admin.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const ok = await submit.run(() =>
      call('setup.initialize', {
        admin: {
          username: admin.username,
          displayName: admin.displayName,
          password: admin.password,
        },
        site: siteKind === 'demo' ? { kind: 'demo' } : { kind: 'new', ...site },
      }),
    );
    if (ok) setKeyStep(true);
  };
  const adminField = (key: keyof typeof admin, label: string, type = 'text', error?: string) => (
    <TextField
      label={label}
      type={type}
      value={admin[key]}
      onChange={(e) => setAdmin((a) => ({ ...a, [key]: e.target.value }))}
      error={!!error}
      helperText={error}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      name={key}
      required
    />
  );

  if (keyStep) return <SetupBackupKey onDone={onDone} />;
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100%', p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, width: 560 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('setup.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t('setup.intro')}
        </Typography>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {t('setup.adminSection')}
          </Typography>
          <Stack direction="row" spacing={2}>
            {adminField('username', t('auth.username'), 'text', f['admin.username'])}
            {adminField('displayName', t('setup.displayName'), 'text', f['admin.displayName'])}
          </Stack>
          <Stack direction="row" spacing={2}>
            {adminField(
              'password',
              t('auth.password'),
              'password',
              f['admin.password'] ?? f.password,
            )}
            {adminField(
              'confirm',
              t('auth.confirmPassword'),
              'password',
              mismatch ? t('auth.passwordsDiffer') : undefined,
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('auth.passwordHint')} {t('setup.adminRolesNote')}
          </Typography>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, pt: 1 }}>
            {t('setup.siteSection')}
          </Typography>
          <RadioGroup
            row
            value={siteKind}
            onChange={(e) => setSiteKind(e.target.value as 'new' | 'demo')}
          >
            <FormControlLabel value="new" control={<Radio />} label={t('setup.newSite')} />
            <FormControlLabel value="demo" control={<Radio />} label={t('setup.demoSite')} />
          </RadioGroup>
          {siteKind === 'new' && (
            <>
              <TextField
                label={t('welcome.siteName')}
                placeholder={t('welcome.siteNamePlaceholder')}
                value={site.name}
                onChange={(e) => setSite((s) => ({ ...s, name: e.target.value }))}
                error={!!f['site.name']}
                helperText={f['site.name']}
                required
              />
              <TextField
                label={t('welcome.siteAddress')}
                value={site.address}
                onChange={(e) => setSite((s) => ({ ...s, address: e.target.value }))}
                error={!!f['site.address']}
                helperText={f['site.address']}
              />
            </>
          )}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          <Button type="submit" variant="contained" size="large" disabled={submit.busy}>
            {t('setup.start')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
