import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';

export function CenteredMessage(props: { text: string; severity?: 'error'; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100%', p: 4 }}>
      {props.severity === 'error' ? (
        <Alert
          severity="error"
          action={props.onRetry && <Button onClick={props.onRetry}>{t('common.retry')}</Button>}
        >
          {props.text}
        </Alert>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', color: 'text.secondary' }}>
          <CircularProgress size={20} /> {props.text}
        </Box>
      )}
    </Box>
  );
}
