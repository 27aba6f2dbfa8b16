import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useFeverCases } from './useFeverCases';

/** How many people the banner names before "…": one line, however bad the day. */
const NAMED = 6;

/**
 * Across every screen, until each fever case is re-checked as normal or transferred: who and in
 * which room, so the nurse goes straight there.
 */
export function FeverAlert(props: { siteId: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const cases = useFeverCases(props.siteId);
  const open = cases.data ?? [];
  if (open.length === 0) return null;
  const who =
    open
      .slice(0, NAMED)
      .map((c) => t('health.feverAlertWho', { name: c.fullName, room: c.roomNumber ?? '—' }))
      .join('、') + (open.length > NAMED ? '…' : '');
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
      {t('health.feverAlert', { count: open.length, who })}
    </Alert>
  );
}
