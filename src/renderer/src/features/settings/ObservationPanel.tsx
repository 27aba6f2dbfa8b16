import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { SettingsForm } from '@renderer/components/SettingsForm';

/** Site rules for observation: its length, and whether unrelated people of one gender may share. */
export function ObservationPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <ObservationForm settings={settings.data} /> : null;
}

function ObservationForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(String(settings.observationDays));
  const [sharing, setSharing] = useState(settings.allowUnrelatedSharing);
  const submit = useSubmit();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <SettingsForm
        submit={submit}
        save={() =>
          call('settings.updateObservation', {
            observationDays: numberOrNaN(days),
            allowUnrelatedSharing: sharing,
          })
        }
      >
        <TextField
          label={t('observation.days')}
          type="number"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={!!submit.fields.observationDays}
          helperText={submit.fields.observationDays ?? t('observation.daysHint')}
          slotProps={{ htmlInput: { min: 1, max: 60 } }}
        />
        <FormControlLabel
          control={<Switch checked={sharing} onChange={(e) => setSharing(e.target.checked)} />}
          label={t('observation.sharing')}
        />
      </SettingsForm>
    </Paper>
  );
}
