import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import { call } from '@renderer/api/client';
import { useContractForm } from '@renderer/components/useContractForm';
import { useNotify } from '@renderer/notify';

const retentionSchema = contract['privacy.setRetention'].input;
type RetentionFields = z.output<typeof retentionSchema>;

/** How many days personal data is kept, checked by the contract's own bounds before saving. */
export function RetentionForm(props: { retentionDays: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { form, submit, problem, number } = useContractForm(retentionSchema, {
    days: props.retentionDays,
  });
  const save = async (input: RetentionFields) => {
    if (await submit.run(() => call('privacy.setRetention', input))) notify(t('common.saved'));
  };
  return (
    <>
      <Stack
        component="form"
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', mb: 2 }}
        noValidate
        onSubmit={(e) => void form.handleSubmit(save)(e)}
      >
        <TextField
          label={t('privacy.retentionDays')}
          {...number('days')}
          helperText={problem('days') ?? t('privacy.retentionHelp')}
          sx={{ width: 340 }}
        />
        <Button type="submit" variant="outlined" disabled={submit.busy} sx={{ mt: 1 }}>
          {t('common.save')}
        </Button>
      </Stack>
      {submit.message && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {submit.message}
        </Alert>
      )}
    </>
  );
}
