import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';

/** A passphrase of the administrator's choosing instead of a generated key, typed twice. */
export function PassphraseDialog(props: { open: boolean; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && again !== passphrase;
  const finish = (saved: boolean) => {
    setPassphrase('');
    setAgain('');
    submit.reset();
    props.onDone(saved);
  };
  const save = () =>
    void submit
      .run(() => call('backups.setPassphrase', { passphrase }))
      .then((ok) => ok && finish(true));
  const typed = (
    label: string,
    value: string,
    onChange: (value: string) => void,
    error: string | null,
    help: string,
  ) => (
    <TextField
      type="password"
      fullWidth
      margin="normal"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== null}
      helperText={error ?? help}
      slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
    />
  );
  return (
    <Dialog open={props.open} onClose={() => finish(false)} maxWidth="sm" fullWidth>
      <DialogTitle>{t('backups.passphraseTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('backups.passphraseExplain')}</DialogContentText>
        {typed(
          t('backups.passphrase'),
          passphrase,
          setPassphrase,
          submit.fields.passphrase ?? null,
          t('backups.passphraseHelp'),
        )}
        {typed(
          t('backups.passphraseAgain'),
          again,
          setAgain,
          mismatch ? t('backups.passphraseMismatch') : null,
          ' ',
        )}
        {submit.message && !submit.fields.passphrase && (
          <Alert severity="error">{submit.message}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => finish(false)}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          onClick={save}
          disabled={submit.busy || passphrase === '' || again !== passphrase}
        >
          {t('backups.passphraseSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
