import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useSubmit } from './useSubmit';

/**
 * The inside of a dialog that saves a form: title, fields, the refusal under them, Cancel and
 * Save; `onDone` only once main accepted the write.
 */
export function DialogForm(
  props: {
    title: ReactNode;
    submit: ReturnType<typeof useSubmit>;
    onDone: () => void;
    onClose: () => void;
    children: ReactNode;
  } & (
    | { save: () => Promise<unknown>; onSubmit?: never; noValidate?: never }
    // A form checked before the round trip (react-hook-form) saves through its own handler.
    | { save?: never; onSubmit: (e: FormEvent<HTMLFormElement>) => void; noValidate?: boolean }
  ),
) {
  const { t } = useTranslation();
  const { submit } = props;
  return (
    <form
      onSubmit={(e) => {
        if (props.onSubmit) return props.onSubmit(e);
        e.preventDefault();
        void submit.run(props.save).then((ok) => ok && props.onDone());
      }}
      noValidate={props.noValidate ?? !!props.onSubmit}
    >
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.children}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
