import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryBackup, RecoveryState } from '@shared/backups';
import type { Language } from '@shared/domain';
import { callRecovery } from '@renderer/api/recoveryClient';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { formatDateTime } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { BackupTable } from '@renderer/features/backups/BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { useKeyedRestore } from './useKeyedRestore';

/**
 * Shown instead of the desk when the database was found damaged at start. The damaged file has
 * been set aside; the person at the machine restores a checked backup (the newest good one is
 * offered first) or, knowingly, starts empty. No sign-in: the accounts are in the damaged file.
 */
export function RecoveryScreen(props: {
  language: Language;
  onLanguageChange: (language: Language) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<RecoveryState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<RecoveryBackup | 'empty' | null>(null);
  const keyed = useKeyedRestore(async (backup: RecoveryBackup, secret?: string) => {
    await callRecovery('recovery.restore', {
      folder: backup.folder,
      name: backup.name,
      ...(secret ? { secret } : {}),
    });
  });
  const submit = keyed.submit;

  const load = useCallback(() => {
    callRecovery('recovery.state', {}).then(setState, (e: unknown) =>
      setLoadError(errorText(t, e)),
    );
  }, [t]);
  useEffect(load, [load]);

  const newestGood = state?.backups.find((b) => b.good) ?? null;
  const startEmpty = () =>
    void submit
      .run(() => callRecovery('recovery.startEmpty', {}))
      .then((ok) => ok && props.onDone());
  // A restore that stopped to ask for the key has not happened: the screen stays.
  const restore = (backup: RecoveryBackup, secret?: string) =>
    void keyed.run(backup, secret).then((ok) => ok && props.onDone());
  const asked = keyed.prompt?.backup ?? (confirm !== 'empty' ? confirm : null);

  return (
    <Box sx={{ p: 4, display: 'grid', placeItems: 'start center', minHeight: '100%' }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 860, width: '100%' }}>
        <Stack spacing={2}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h5">{t('recovery.title')}</Typography>
            <Button
              size="small"
              onClick={() => props.onLanguageChange(props.language === 'en' ? 'zh-CN' : 'en')}
            >
              {props.language === 'en' ? '中文' : 'English'}
            </Button>
          </Stack>
          <Alert severity="error">{t('recovery.explain')}</Alert>
          {loadError && <Alert severity="error">{loadError}</Alert>}
          {state && (
            <Typography variant="body2" data-testid="damaged-file">
              {t('recovery.keptAside', { file: state.damagedFile })}
            </Typography>
          )}
          {state && !newestGood && <Alert severity="warning">{t('recovery.noGoodBackup')}</Alert>}
          {newestGood && (
            <Button
              variant="contained"
              onClick={() => setConfirm(newestGood)}
              disabled={submit.busy}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('recovery.restoreNewest', {
                when: formatDateTime(newestGood.takenAt),
              })}
            </Button>
          )}
          {submit.busy && <LinearProgress />}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          {state && state.backups.length > 0 && (
            <BackupTable
              label={t('recovery.backups')}
              backups={state.backups}
              rowKey={(b) => `${b.folder}/${b.name}`}
              status={{
                header: t('recovery.check'),
                cell: (b) =>
                  b.needsKey
                    ? t('recovery.needsKey')
                    : b.good
                      ? t('recovery.good')
                      : t('recovery.damaged'),
              }}
              canRestore={(b) => b.good && !submit.busy}
              onRestore={setConfirm}
            />
          )}
          {state && (
            <Button
              color="error"
              onClick={() => setConfirm('empty')}
              disabled={submit.busy}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('recovery.startEmpty')}
            </Button>
          )}
        </Stack>
      </Paper>
      <ConfirmDialog
        open={confirm === 'empty'}
        danger
        text={t('recovery.startEmptyConfirm')}
        confirmLabel={t('recovery.startEmpty')}
        onConfirm={startEmpty}
        onClose={() => setConfirm(null)}
      />
      <RestoreDialog
        open={asked !== null}
        needsKey={keyed.prompt !== null || (asked?.needsKey ?? false)}
        keyError={keyed.prompt?.keyError}
        text={asked ? t('recovery.restoreConfirm', { when: formatDateTime(asked.takenAt) }) : ''}
        onConfirm={(secret) => asked && restore(asked, secret)}
        onClose={() => {
          setConfirm(null);
          keyed.dismiss();
        }}
      />
    </Box>
  );
}
