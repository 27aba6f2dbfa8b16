import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { ToggleField } from '@renderer/components/ToggleField';
import { useContractForm } from '@renderer/components/useContractForm';

/** Site rules for observation: its length, and whether unrelated people of one gender may share. */
export function ObservationPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <ObservationForm settings={settings.data} /> : null;
}

function ObservationForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit, problem, number } = useContractForm(
    contract['settings.updateObservation'].input,
    {
      observationDays: settings.observationDays,
      allowUnrelatedSharing: settings.allowUnrelatedSharing,
    },
  );
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <SettingsForm
        form={form}
        submit={submit}
        save={(input) => call('settings.updateObservation', input)}
      >
        <TextField
          label={t('observation.days')}
          {...number('observationDays')}
          helperText={problem('observationDays') ?? t('observation.daysHint')}
        />
        <ToggleField
          control={form.control}
          name="allowUnrelatedSharing"
          label={t('observation.sharing')}
        />
      </SettingsForm>
    </Paper>
  );
}
