import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DefaultValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import type { Settings } from '@shared/domain';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { useContractForm } from '@renderer/components/useContractForm';

/**
 * The roster's hard rest rule, how far ahead expiring stock is flagged, and how far back a receipt
 * may be dated without an administrator.
 */
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
        schema={contract['settings.updateRoster'].input}
        field="minRestHours"
        initial={settings.minRestHours}
        save={(input) => call('settings.updateRoster', input)}
      />
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 2 }}>
        {t('stock.settingsTitle')}
      </Typography>
      <NumberSettingForm
        label={t('stock.expiryDays')}
        schema={contract['settings.updateStock'].input}
        field="stockExpiryDays"
        initial={settings.stockExpiryDays}
        save={(input) => call('settings.updateStock', input)}
      />
      <NumberSettingForm
        label={t('stock.receiptBackdateDays')}
        schema={contract['settings.updateReceiptBackdate'].input}
        field="receiptBackdateDays"
        initial={settings.receiptBackdateDays}
        save={(input) => call('settings.updateReceiptBackdate', input)}
      />
    </Paper>
  );
}

/** One whole-number setting, checked by its method's schema, with its own save button. */
function NumberSettingForm<Field extends string>(props: {
  label: string;
  schema: z.ZodType<Record<Field, number>, Record<Field, number>>;
  /** The input key the schema and main name in a refusal. */
  field: Field;
  initial: number;
  save: (input: Record<Field, number>) => Promise<unknown>;
}) {
  const initial = { [props.field]: props.initial } as DefaultValues<Record<Field, number>>;
  const { form, submit, number } = useContractForm(props.schema, initial);
  // The field is the record's one key; TypeScript cannot see that Path<> of it is itself.
  const field = props.field as unknown as Path<Record<Field, number>>;
  return (
    <SettingsForm form={form} submit={submit} save={props.save}>
      <TextField label={props.label} {...number(field)} />
    </SettingsForm>
  );
}
