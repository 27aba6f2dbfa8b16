import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth>
      {open && <ChangePasswordForm onClose={onClose} />}
    </Dialog>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const submit = useSubmit();
  const save = async () => {
    setMismatch(values.next !== values.confirm);
    if (values.next !== values.confirm) return;
    if (
      await submit.run(() =>
        call('auth.changePassword', { current: values.current, next: values.next }),
      )
    ) {
      notify(t('auth.passwordChanged'));
      onClose();
    }
  };
  const field = (key: keyof typeof values, label: string, error?: string) => (
    <TextField
      label={label}
      type="password"
      value={values[key]}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      error={!!error}
      helperText={error}
      autoComplete={key === 'current' ? 'current-password' : 'new-password'}
      required
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DialogTitle>{t('auth.changePassword')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {field('current', t('auth.currentPassword'), submit.fields.current)}
          {field('next', t('auth.newPassword'), submit.fields.next ?? submit.fields.password)}
          {field(
            'confirm',
            t('auth.confirmPassword'),
            mismatch ? t('auth.passwordsDiffer') : undefined,
          )}
          <Typography variant="body2" color="text.secondary">
            {t('auth.passwordHint')}
          </Typography>
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
