import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/backups';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { formatDateTime } from '@renderer/i18n/dates';
import { useNotify } from '@renderer/notify';
import { BackupFolderForm } from './BackupFolderForm';
import { BackupKeySection } from './BackupKeySection';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { useKeyedRestore } from './useKeyedRestore';
import { RestoredDialog } from './RestoredDialog';

/** How often "Back up now" asks how far the copy is. */
const POLL_MS = 250;

export function BackupsPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const overview = useApiQuery('backups.list', {});
  // A scheduled backup that failed has nobody watching it: the panel says so until one succeeds.
  const status = useApiQuery('backups.status', {});
  const backingUp = useSubmit();
  const [progress, setProgress] = useState<number | null>(null);
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const keyed = useKeyedRestore(async (backup: BackupInfo, secret?: string) => {
    const outcome = await call('backups.restore', {
      name: backup.name,
      ...(secret ? { secret } : {}),
    });
    setRestored(outcome.restoredFrom);
  });
  const restoring = keyed.submit;

  const polling = progress !== null;
  // While the copy runs, ask how far it is: the call that started it answers only at the end.
  useEffect(() => {
    if (!polling) return;
    // An answer that arrives after the copy finished must not bring the bar back.
    let active = true;
    const timer = setInterval(() => {
      void call('backups.status', {}).then(
        (s) => active && s.running && setProgress(s.progress),
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [polling]);

  const backUpNow = () => {
    setProgress(0);
    void backingUp
      .run(() => call('backups.create', {}))
      .then((ok) => {
        setProgress(null);
        if (ok) notify(t('backups.done'));
        overview.reload();
        status.reload();
      });
  };

  // After a restore every session is gone: no more calls, only the dialog that says so.
  const restore = (backup: BackupInfo, secret?: string) =>
    void keyed.run(backup, secret).then((ok) => !ok && overview.reload());

  const data = overview.data;
  const asked = keyed.prompt?.backup ?? toRestore;
  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={2}>
          <Typography variant="h6">{t('backups.title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('backups.explain')}
          </Typography>
          {data && (
            <Typography variant="body2" data-testid="backup-folder">
              {t('backups.folderNow', { folder: data.folder })}
            </Typography>
          )}
          {data?.onNetworkPath && <Alert severity="warning">{t('backups.networkWarning')}</Alert>}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="contained" onClick={backUpNow} disabled={progress !== null}>
              {t('backups.backUpNow')}
            </Button>
            {progress !== null && (
              <LinearProgress
                variant="determinate"
                value={Math.round(progress * 100)}
                sx={{ flex: 1 }}
                aria-label={t('backups.progress')}
              />
            )}
          </Stack>
          {backingUp.message && <Alert severity="error">{backingUp.message}</Alert>}
          {!backingUp.message && status.data?.lastError && (
            <Alert severity="error" data-testid="backup-last-failed">
              {t('backups.lastFailed', { error: status.data.lastError })}
            </Alert>
          )}
          {restoring.busy && (
            <Stack spacing={1}>
              <Typography variant="body2">{t('backups.restoring')}</Typography>
              <LinearProgress />
            </Stack>
          )}
          {restoring.message && <Alert severity="error">{restoring.message}</Alert>}
        </Stack>
      </Paper>

      <Paper variant="outlined">
        {data && (
          <BackupTable
            label={t('backups.title')}
            backups={data.backups}
            rowKey={(b) => b.name}
            canRestore={() => !restoring.busy && progress === null}
            onRestore={setToRestore}
          />
        )}
      </Paper>

      {data && <BackupKeySection encryption={data.encryption} onChanged={overview.reload} />}

      {data && <BackupFolderForm overview={data} onSaved={overview.reload} />}

      <RestoreDialog
        open={asked !== null}
        needsKey={keyed.prompt !== null}
        keyError={keyed.prompt?.keyError}
        text={asked ? t('backups.restoreConfirm', { when: formatDateTime(asked.takenAt) }) : ''}
        onConfirm={(secret) => asked && restore(asked, secret)}
        onClose={() => {
          setToRestore(null);
          keyed.dismiss();
        }}
      />
      <RestoredDialog name={restored} />
    </Stack>
  );
}
