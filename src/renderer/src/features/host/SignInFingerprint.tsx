import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { Fingerprint } from './Fingerprint';

/**
 * On a page opened through the host (HTTPS), the certificate's fingerprint, for comparing with
 * what the browser shows and what the host's settings page says.
 */
export function SignInFingerprint() {
  const { t } = useTranslation();
  const viaHost = window.location.protocol === 'https:';
  const status = useApiQuery('host.status', {}, { skip: !viaHost });
  const fingerprint = status.data?.fingerprint;
  if (!viaHost || !fingerprint) return null;
  return (
    <Alert severity="info" icon={false} sx={{ mt: 3 }}>
      {t('host.signInFingerprint')}
      <Fingerprint value={fingerprint} />
    </Alert>
  );
}
