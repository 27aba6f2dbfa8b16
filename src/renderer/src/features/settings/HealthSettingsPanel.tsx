import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { numberOrNaN } from '@renderer/components/numberInput';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { ToggleField } from '@renderer/components/ToggleField';
import { useContractForm } from '@renderer/components/useContractForm';

/**
 * The form as typed: the round times as one line ("07:00, 19:00") and the fever line in degrees
 * ("37.3"), turned into the contract's input and checked by its own schema.
 */
const healthSchema = z
  .object({
    roundTimes: z.string(),
    feverThreshold: z.string(),
    // Passed on as typed: the contract's schema after the pipe is the one that judges them.
    roundWindowMinutes: z.custom<number>(),
    recheckMinutes: z.custom<number>(),
    restartRoommatesObservation: z.custom<boolean>(),
  })
  .transform(({ roundTimes, feverThreshold, ...rest }) => ({
    ...rest,
    roundTimes: roundTimes
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    feverThresholdTenths: Math.round(numberOrNaN(feverThreshold) * 10),
  }))
  .pipe(contract['settings.updateHealth'].input);

/** Rounds of the day, the fever line, the re-check delay, and what a transfer does to roommates. */
export function HealthSettingsPanel() {
  const settings = useApiQuery('settings.get', {});
  return settings.data ? <HealthSettingsForm settings={settings.data} /> : null;
}

function HealthSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit, problem, text, number } = useContractForm(healthSchema, {
    roundTimes: settings.roundTimes.join(', '),
    roundWindowMinutes: settings.roundWindowMinutes,
    feverThreshold: (settings.feverThresholdTenths / 10).toFixed(1),
    recheckMinutes: settings.recheckMinutes,
    restartRoommatesObservation: settings.restartRoommatesObservation,
  });
  // The fever line is refused as the contract's tenths, shown under the degrees typed.
  const thresholdProblem = problem('feverThresholdTenths');
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 520, mt: 2 }}>
      <Typography variant="subtitle1" sx={{ mb: 2 }}>
        {t('healthSettings.title')}
      </Typography>
      <SettingsForm
        form={form}
        submit={submit}
        save={(input) => call('settings.updateHealth', input)}
      >
        <TextField
          label={t('healthSettings.roundTimes')}
          {...text('roundTimes')}
          helperText={problem('roundTimes') ?? t('healthSettings.roundTimesHint')}
        />
        <TextField
          label={t('healthSettings.window')}
          {...number('roundWindowMinutes')}
          helperText={problem('roundWindowMinutes') ?? t('healthSettings.windowHint')}
        />
        <TextField
          label={t('healthSettings.threshold')}
          {...text('feverThreshold')}
          error={!!thresholdProblem}
          helperText={thresholdProblem ?? t('healthSettings.thresholdHint')}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField label={t('healthSettings.recheck')} {...number('recheckMinutes')} />
        <ToggleField
          control={form.control}
          name="restartRoommatesObservation"
          label={t('healthSettings.restart')}
        />
      </SettingsForm>
    </Paper>
  );
}
