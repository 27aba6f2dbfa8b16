import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
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

/** Rounds of the day, the fever line, the re-check delay, and what a transfer does to roommates. */
export function HealthSettingsPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <HealthSettingsForm settings={settings.data} /> : null;
}

function HealthSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [times, setTimes] = useState(settings.roundTimes.join(', '));
  const [windowMinutes, setWindowMinutes] = useState(String(settings.roundWindowMinutes));
  const [threshold, setThreshold] = useState((settings.feverThresholdTenths / 10).toFixed(1));
  const [recheck, setRecheck] = useState(String(settings.recheckMinutes));
  const [restart, setRestart] = useState(settings.restartRoommatesObservation);
  const submit = useSubmit();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <Typography variant="subtitle1" sx={{ mb: 2 }}>
        {t('healthSettings.title')}
      </Typography>
      <SettingsForm
        submit={submit}
        save={() =>
          call('settings.updateHealth', {
            roundTimes: times
              .split(/[,，\s]+/)
              .map((s) => s.trim())
              .filter(Boolean),
            roundWindowMinutes: numberOrNaN(windowMinutes),
            feverThresholdTenths: Math.round(numberOrNaN(threshold) * 10),
            recheckMinutes: numberOrNaN(recheck),
            restartRoommatesObservation: restart,
          })
        }
      >
        <TextField
          label={t('healthSettings.roundTimes')}
          value={times}
          onChange={(e) => setTimes(e.target.value)}
          error={Object.keys(submit.fields).some((f) => f.startsWith('roundTimes'))}
          helperText={
            Object.entries(submit.fields).find(([f]) => f.startsWith('roundTimes'))?.[1] ??
            t('healthSettings.roundTimesHint')
          }
        />
        <TextField
          label={t('healthSettings.window')}
          type="number"
          value={windowMinutes}
          onChange={(e) => setWindowMinutes(e.target.value)}
          error={!!submit.fields.roundWindowMinutes}
          helperText={submit.fields.roundWindowMinutes ?? t('healthSettings.windowHint')}
        />
        <TextField
          label={t('healthSettings.threshold')}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          error={!!submit.fields.feverThresholdTenths}
          helperText={submit.fields.feverThresholdTenths ?? t('healthSettings.thresholdHint')}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          label={t('healthSettings.recheck')}
          type="number"
          value={recheck}
          onChange={(e) => setRecheck(e.target.value)}
          error={!!submit.fields.recheckMinutes}
          helperText={submit.fields.recheckMinutes}
        />
        <FormControlLabel
          control={<Switch checked={restart} onChange={(e) => setRestart(e.target.checked)} />}
          label={t('healthSettings.restart')}
        />
      </SettingsForm>
    </Paper>
  );
}
