import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useAuth } from '@renderer/auth/AuthContext';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { SettingsForm } from '@renderer/components/SettingsForm';

export function SecurityPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <SecurityForm settings={settings.data} /> : null;
}

function SecurityForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const [idle, setIdle] = useState(String(settings.idleLockMinutes));
  const [hours, setHours] = useState(String(settings.sessionMaxHours));
  const submit = useSubmit();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520 }}>
      <SettingsForm
        submit={submit}
        save={() =>
          call('settings.updateSecurity', {
            idleLockMinutes: numberOrNaN(idle),
            sessionMaxHours: numberOrNaN(hours),
          })
        }
        onSaved={() => refresh()}
      >
        <TextField
          label={t('security.idleLockMinutes')}
          type="number"
          value={idle}
          onChange={(e) => setIdle(e.target.value)}
          error={!!submit.fields.idleLockMinutes}
          helperText={submit.fields.idleLockMinutes}
          slotProps={{ htmlInput: { min: 1, max: 240 } }}
        />
        <TextField
          label={t('security.sessionMaxHours')}
          type="number"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={!!submit.fields.sessionMaxHours}
          helperText={submit.fields.sessionMaxHours}
          slotProps={{ htmlInput: { min: 1, max: 24 } }}
        />
      </SettingsForm>
    </Paper>
  );
}
