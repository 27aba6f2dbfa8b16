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
    <Alert severity="error" square role="alert" data-testid="offline-banner">
      {t('connection.offline')}
      {waitingWrites > 0 && <> {t('connection.waiting', { count: waitingWrites })}</>}
    </Alert>
  );
}
