import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostOverview } from '@shared/host';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { Fingerprint } from './Fingerprint';

/** 本机作为站点服务器: the switch, where to listen, and what the other PCs must type and check. */
export function HostPanel() {
  const overview = useApiQuery('host.get', {});
  return overview.data ? <HostForm overview={overview.data} /> : null;
}

const namesOf = (text: string): string[] =>
  text
    .split(/[,，\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);

function HostForm({ overview }: { overview: HostOverview }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const submit = useSubmit();
  const { settings, status } = overview;
  const [enabled, setEnabled] = useState(settings.enabled);
  const [address, setAddress] = useState(settings.address);
  const [port, setPort] = useState(String(settings.port));
  const [names, setNames] = useState(settings.names.join(', '));

  const save = async () => {
    const input = { enabled, address, port: Number(port), names: namesOf(names) };
    if (await submit.run(() => call('host.set', input))) notify(t('host.saved'));
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720, mb: 2 }} data-testid="host-panel">
      <Typography variant="h6" component="h2" gutterBottom>
        {t('host.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('host.intro')}
      </Typography>
      <Stack
        component="form"
        spacing={2}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormControlLabel
          control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />}
          label={t('host.enabled')}
        />
        <TextField
          select
          label={t('host.address')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={Boolean(submit.fields.address)}
          helperText={submit.fields.address}
          sx={{ maxWidth: 320 }}
        >
          <MenuItem value="">{t('host.allAddresses')}</MenuItem>
          {overview.addresses.map((a) => (
            <MenuItem key={a} value={a}>
              {a}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('host.port')}
          value={port}
          onChange={(e) => setPort(e.target.value)}
          inputMode="numeric"
          error={Boolean(submit.fields.port)}
          helperText={submit.fields.port}
          sx={{ maxWidth: 200 }}
        />
        <TextField
          label={t('host.names')}
          value={names}
          onChange={(e) => setNames(e.target.value)}
          error={Object.keys(submit.fields).some((k) => k.startsWith('names'))}
          helperText={Object.entries(submit.fields).find(([k]) => k.startsWith('names'))?.[1]}
          placeholder="office-pc"
        />
        {submit.message && <Alert severity="error">{submit.message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          disabled={submit.busy}
          sx={{ alignSelf: 'start' }}
        >
          {t('host.save')}
        </Button>
      </Stack>
      <HostState overview={overview} />
      {status.fingerprint && (
        <Stack spacing={1} sx={{ mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {t('host.fingerprint')}
          </Typography>
          <Fingerprint value={status.fingerprint} />
          <Typography variant="body2" color="text.secondary">
            {t('host.howToCheck')}
          </Typography>
        </Stack>
      )}
    </Paper>
  );
}

function HostState({ overview }: { overview: HostOverview }) {
  const { t } = useTranslation();
  if (overview.problem) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {t('host.problem', { problem: overview.problem })}
      </Alert>
    );
  }
  if (!overview.status.running) {
    return overview.settings.enabled ? null : (
      <Typography sx={{ mt: 2 }} color="text.secondary">
        {t('host.stopped')}
      </Typography>
    );
  }
  return (
    <Alert severity="success" sx={{ mt: 2 }} data-testid="host-running">
      {t('host.running')}
      {overview.status.urls.map((url) => (
        <Typography key={url} sx={{ fontFamily: 'monospace', fontSize: 18, fontWeight: 600 }}>
          {url}
        </Typography>
      ))}
    </Alert>
  );
}
