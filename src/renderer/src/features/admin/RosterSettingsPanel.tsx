import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { numberOrNaN } from '../../components/numberInput';
import { useSubmit } from '../../components/useSubmit';
import { useNotify } from '../../notify';

/** The roster's hard rest rule between two shifts of one person. */
export function RosterSettingsPanel() {
  const settings = useQuery('settings.get', {});
  return settings.data ? <RosterSettingsForm settings={settings.data} /> : null;
}

function RosterSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [hours, setHours] = useState(String(settings.minRestHours));
  const [expiry, setExpiry] = useState(String(settings.stockExpiryDays));
  const expirySubmit = useSubmit();
  const submit = useSubmit();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <Typography variant="subtitle1" sx={{ mb: 2 }}>
        {t('roster.rosterSettings')}
      </Typography>
      <Stack
        component="form"
        spacing={2}
        onSubmit={(e) => {
          e.preventDefault();
          void submit
            .run(() => call('settings.updateRoster', { minRestHours: numberOrNaN(hours) }))
            .then((ok) => ok && notify(t('common.saved')));
        }}
      >
        <TextField
          label={t('roster.minRest')}
          type="number"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={!!submit.fields.minRestHours}
          helperText={submit.fields.minRestHours}
        />
        {submit.message && <Alert severity="error">{submit.message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          disabled={submit.busy}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('common.save')}
        </Button>
      </Stack>
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 2 }}>
        {t('stock.settingsTitle')}
      </Typography>
      <Stack
        component="form"
        spacing={2}
        onSubmit={(e) => {
          e.preventDefault();
          void expirySubmit
            .run(() => call('settings.updateStock', { stockExpiryDays: numberOrNaN(expiry) }))
            .then((ok) => ok && notify(t('common.saved')));
        }}
      >
        <TextField
          label={t('stock.expiryDays')}
          type="number"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={!!expirySubmit.fields.stockExpiryDays}
          helperText={expirySubmit.fields.stockExpiryDays}
        />
        {expirySubmit.message && <Alert severity="error">{expirySubmit.message}</Alert>}
        <Button
          type="submit"
          variant="contained"
          disabled={expirySubmit.busy}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('common.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
