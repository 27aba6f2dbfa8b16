import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSession } from '@shared/sessions';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { formatDateTime } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';

/** What the browser column says: a desktop window, the readable browser, or that it is unknown. */
function browserText(t: TFunction, s: DeviceSession): string {
  if (s.address === 'local') return t('sessions.deskWindow');
  return s.browser ?? t('sessions.unknownBrowser');
}

/** Every signed-in device; an administrator ends any but their own, at once. */
export function SessionsPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const sessions = useApiQuery('sessions.list', {});
  const [ending, setEnding] = useState<DeviceSession | null>(null);

  const end = async (s: DeviceSession) => {
    try {
      await call('sessions.end', { id: s.id });
      notify(t('sessions.ended'));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
      <Typography variant="h6" component="h2">
        {t('sessions.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('sessions.help')}
      </Typography>
      {sessions.error && <Alert severity="error">{errorText(t, sessions.error)}</Alert>}
      <Table size="small" aria-label={t('sessions.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('sessions.user')}</TableCell>
            <TableCell>{t('sessions.address')}</TableCell>
            <TableCell>{t('sessions.browser')}</TableCell>
            <TableCell>{t('sessions.via')}</TableCell>
            <TableCell>{t('sessions.startedAt')}</TableCell>
            <TableCell>{t('sessions.lastActiveAt')}</TableCell>
            <TableCell>{t('sessions.state')}</TableCell>
            <TableCell align="right">{t('common.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sessions.data?.length === 0 && (
            <TableRow>
              <TableCell colSpan={8}>{t('sessions.none')}</TableCell>
            </TableRow>
          )}
          {sessions.data?.map((s) => (
            <TableRow key={s.id} selected={s.current}>
              <TableCell>
                {s.displayName}
                <Typography component="span" variant="body2" color="text.secondary">
                  {` · ${s.username}`}
                </Typography>
              </TableCell>
              <TableCell>{s.address === 'local' ? t('sessions.thisPc') : s.address}</TableCell>
              <TableCell title={s.userAgent}>{browserText(t, s)}</TableCell>
              <TableCell>
                {s.via === 'host' ? t('sessions.viaHost') : t('sessions.viaLocal')}
              </TableCell>
              <TableCell>{formatDateTime(s.startedAt)}</TableCell>
              <TableCell>{formatDateTime(s.lastActiveAt)}</TableCell>
              <TableCell>
                {s.current ? (
                  <Chip size="small" color="primary" label={t('sessions.current')} />
                ) : s.locked ? (
                  t('sessions.locked')
                ) : (
                  t('sessions.active')
                )}
              </TableCell>
              <TableCell align="right">
                {!s.current && (
                  <Button size="small" color="error" onClick={() => setEnding(s)}>
                    {t('sessions.end')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={ending !== null}
        danger
        text={
          ending
            ? t('sessions.endConfirm', {
                name: ending.displayName,
                address: ending.address === 'local' ? t('sessions.thisPc') : ending.address,
                browser: browserText(t, ending),
              })
            : ''
        }
        confirmLabel={t('sessions.end')}
        onConfirm={() => ending && void end(ending)}
        onClose={() => setEnding(null)}
      />
    </Paper>
  );
}
