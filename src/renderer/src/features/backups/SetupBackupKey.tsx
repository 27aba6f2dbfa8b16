import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseDialog } from './PassphraseDialog';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';

/**
 * The first run's second step, once the administrator is signed in: a recovery key (or a
 * passphrase) so that the very first backups are encrypted. Putting it off is possible and plain:
 * the backups panel says "not encrypted" until it is done.
 */
export function SetupBackupKey(props: { onDone: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'key' | 'passphrase' | null>(null);
  const closed = (done: boolean) => (done ? props.onDone() : setDialog(null));
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100%', p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, width: 560 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('backups.setupTitle')}
        </Typography>
        <Stack spacing={2}>
          <Typography color="text.secondary">{t('backups.setupExplain')}</Typography>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => setDialog('key')}>
              {t('backups.keyCreate')}
            </Button>
            <Button onClick={() => setDialog('passphrase')}>{t('backups.usePassphrase')}</Button>
          </Stack>
          <Button color="inherit" onClick={props.onDone} sx={{ alignSelf: 'flex-start' }}>
            {t('backups.setupLater')}
          </Button>
        </Stack>
      </Paper>
      <RecoveryKeyDialog open={dialog === 'key'} replacing={false} onDone={closed} />
      <PassphraseDialog open={dialog === 'passphrase'} onDone={closed} />
    </Box>
  );
}
