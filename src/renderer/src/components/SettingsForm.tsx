import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@renderer/notify';
import type { useSubmit } from './useSubmit';

/**
 * A settings form: its fields, the refusal under them, one Save button; "saved" is announced and
 * `onSaved` told only when main accepted the change.
 */
export function SettingsForm(props: {
  submit: ReturnType<typeof useSubmit>;
  save: () => Promise<unknown>;
  onSaved?: () => void;
  buttonVariant?: 'contained' | 'outlined';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { submit } = props;
  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(props.save).then((ok) => {
          if (!ok) return;
          notify(t('common.saved'));
          props.onSaved?.();
        });
      }}
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
