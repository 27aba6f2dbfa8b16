import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@renderer/notify';
import type { useSubmit } from './useSubmit';

/**
 * A settings form: its fields, the refusal under them, one Save button. The form's schema checks
 * the input first; "saved" is announced and `onSaved` told only when main accepted the change.
 */
export function SettingsForm<Values extends FieldValues, Input>(props: {
  form: UseFormReturn<Values, unknown, Input>;
  submit: ReturnType<typeof useSubmit>;
  save: (input: Input) => Promise<unknown>;
  onSaved?: () => void;
  buttonVariant?: 'contained' | 'outlined';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { submit } = props;
  const save = async (input: Input) => {
    if (!(await submit.run(() => props.save(input)))) return;
    notify(t('common.saved'));
    props.onSaved?.();
  };
  return (
    <Stack
      component="form"
      spacing={2}
      // The schema speaks main's words; the browser's own number checks would speak its own.
      noValidate
      onSubmit={(e) => void props.form.handleSubmit(save)(e)}
    >
      {props.children}
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
      <Button
        type="submit"
        variant={props.buttonVariant ?? 'contained'}
        disabled={submit.busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('common.save')}
      </Button>
    </Stack>
  );
}
