import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useAuth } from '@renderer/auth/AuthContext';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { useContractForm } from '@renderer/components/useContractForm';

export function SecurityPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <SecurityForm settings={settings.data} /> : null;
}

function SecurityForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  const { form, submit, number } = useContractForm(contract['settings.updateSecurity'].input, {
    idleLockMinutes: settings.idleLockMinutes,
    sessionMaxHours: settings.sessionMaxHours,
  });
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520 }}>
      <SettingsForm
        form={form}
        submit={submit}
        save={(input) => call('settings.updateSecurity', input)}
        onSaved={() => refresh()}
      >
        <TextField label={t('security.idleLockMinutes')} {...number('idleLockMinutes')} />
        <TextField label={t('security.sessionMaxHours')} {...number('sessionMaxHours')} />
      </SettingsForm>
    </Paper>
  );
}
