import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Restore this backup?" and, for one encrypted on another PC (or whose key this PC lost), the
 * recovery key or passphrase that opens it. Nothing is kept: the secret goes with the one call.
 */
export function RestoreDialog(props: {
  open: boolean;
  text: string;
  needsKey: boolean;
  /** Why the last try was refused (a wrong or mistyped key), shown under the field. */
  keyError?: string;
  onConfirm: (secret?: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const close = () => {
    setSecret('');
    props.onClose();
  };
  return (
    <Dialog open={props.open} onClose={close} maxWidth="sm" fullWidth>
      <DialogContent>
        <DialogContentText>{props.text}</DialogContentText>
        {props.needsKey && (
          <>
            <DialogContentText sx={{ mt: 2 }}>{t('backups.keyNeededExplain')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              margin="normal"
              label={t('backups.secretLabel')}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              error={Boolean(props.keyError)}
              helperText={props.keyError ?? t('backups.secretHelp')}
              slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color="error"
          disabled={props.needsKey && secret.trim() === ''}
          onClick={() => {
            props.onConfirm(props.needsKey ? secret : undefined);
            close();
          }}
        >
          {t('backups.restore')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
