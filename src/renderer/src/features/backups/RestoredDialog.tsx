import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import { useTranslation } from 'react-i18next';

/** After a restore everyone is signed out: the app starts over from its sign-in screen. */
export function RestoredDialog({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return (
    <Dialog open={name !== null} maxWidth="xs">
      <DialogContent>
        <DialogContentText>{t('backups.restored', { name })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('backups.signInAgain')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
