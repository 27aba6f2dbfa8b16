import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useFeverCases } from './useFeverCases';

/** Across every screen, until each fever case is re-checked as normal or transferred. */
export function FeverAlert(props: { siteId: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const cases = useFeverCases(props.siteId);
  const count = cases.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      severity="error"
      variant="filled"
      square
      role="alert"
      sx={{ flexShrink: 0 }}
      action={
        <Button color="inherit" size="small" onClick={props.onOpen}>
          {t('health.feverAlertAction')}
        </Button>
      }
    >
      {t('health.feverAlert', { count })}
    </Alert>
  );
}
