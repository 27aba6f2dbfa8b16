import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { SettingsForm } from '@renderer/components/SettingsForm';

/** The roster's hard rest rule, and how far ahead expiring stock is flagged. */
export function RosterSettingsPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <RosterSettingsForm settings={settings.data} /> : null;
}

function RosterSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <Typography variant="subtitle1" sx={{ mb: 2 }}>
        {t('roster.rosterSettings')}
      </Typography>
      <NumberSettingForm
        label={t('roster.minRest')}
        field="minRestHours"
        initial={settings.minRestHours}
        save={(minRestHours) => call('settings.updateRoster', { minRestHours })}
      />
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 2 }}>
        {t('stock.settingsTitle')}
      </Typography>
      <NumberSettingForm
        label={t('stock.expiryDays')}
        field="stockExpiryDays"
        initial={settings.stockExpiryDays}
        save={(stockExpiryDays) => call('settings.updateStock', { stockExpiryDays })}
      />
    </Paper>
  );
}

/** One whole-number setting with its own save button and its refusal under the field. */
function NumberSettingForm(props: {
  label: string;
  /** The input key main names in a refusal. */
  field: string;
  initial: number;
  save: (value: number) => Promise<unknown>;
}) {
  const [value, setValue] = useState(String(props.initial));
  const submit = useSubmit();
  return (
    <SettingsForm submit={submit} save={() => props.save(numberOrNaN(value))}>
      <TextField
        label={props.label}
        type="number"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={!!submit.fields[props.field]}
        helperText={submit.fields[props.field]}
      />
    </SettingsForm>
  );
}
