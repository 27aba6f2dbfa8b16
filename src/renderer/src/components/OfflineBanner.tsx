import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useConnection } from '@renderer/api/connection';

/**
 * Says at once that the desk server cannot be reached (and how many saves wait to be resent), so
 * a lost connection is never a silent failure; it goes when the server answers again.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { online, waitingWrites } = useConnection();
  if (online) return null;
  return (
    // Fixed over the page's foot: above every screen's content and the app bar's shadow alike.
    <Alert
      severity="error"
      variant="filled"
      square
      role="alert"
      sx={{ position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 'snackbar' }}
    >
      {t('connection.offline')}
      {waitingWrites > 0 && <> {t('connection.waiting', { count: waitingWrites })}</>}
    </Alert>
  );
}
