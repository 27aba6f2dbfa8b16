import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEncryption } from '@shared/backups';
import { formatDateTime } from '@renderer/i18n/dates';
import { useNotify } from '@renderer/notify';
import { PassphraseDialog } from './PassphraseDialog';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';

/** Whether backups are encrypted, with what, where this PC keeps its key; make or change the key. */
export function BackupKeySection(props: { encryption: BackupEncryption; onChanged: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [dialog, setDialog] = useState<'key' | 'passphrase' | null>(null);
  const { encryption } = props;
  const close = () => {
    setDialog(null);
    props.onChanged();
  };
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack spacing={2}>
        <Typography variant="h6">{t('backups.keyTitle')}</Typography>
        {encryption.encrypted ? (
          <Alert severity="success" data-testid="backup-encryption">
            {t('backups.encrypted', {
              secret:
                encryption.kind === 'passphrase' ? t('backups.byPassphrase') : t('backups.byKey'),
              when: encryption.changedAt ? formatDateTime(encryption.changedAt) : '',
            })}
          </Alert>
        ) : (
          <Alert severity="warning" data-testid="backup-encryption">
            {t('backups.notEncrypted')}
          </Alert>
        )}
        {encryption.protection && (
          <Typography variant="body2" color="text.secondary">
            {encryption.protection === 'safeStorage'
              ? t('backups.localSafeStorage')
              : t('backups.localKeyFile')}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary">
          {t('backups.keyWhich')}
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={() => setDialog('key')}>
            {encryption.encrypted ? t('backups.newKey') : t('backups.keyCreate')}
          </Button>
          <Button onClick={() => setDialog('passphrase')}>{t('backups.usePassphrase')}</Button>
        </Stack>
      </Stack>
      <RecoveryKeyDialog open={dialog === 'key'} replacing={encryption.encrypted} onDone={close} />
      <PassphraseDialog
        open={dialog === 'passphrase'}
        onDone={(saved) => {
          if (saved) notify(t('backups.passphraseSaved'));
          close();
        }}
      />
    </Paper>
  );
}
