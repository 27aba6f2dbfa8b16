import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '@shared/accounts';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { saveFile } from './saveFile';

/**
 * Runs an export and saves its file. A large workbook takes seconds in main: `busy` lets the
 * screen show progress and keeps the button from starting a second copy meanwhile.
 */
export function useExport() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (make: () => Promise<ExportedFile>) => {
      setBusy(true);
      try {
        const file = await make();
        saveFile(file);
        notify(t('common.exported', { file: file.filename }));
      } catch (error) {
        notify(errorText(t, error), 'error');
      } finally {
        setBusy(false);
      }
    },
    [notify, t],
  );
  return { run, busy };
}

/** Shown while an export is being made. */
export function ExportProgress({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  if (!busy) return null;
  return (
    <Stack spacing={0.5} sx={{ minWidth: 200 }} role="status">
      <Typography variant="caption">{t('common.exporting')}</Typography>
      <LinearProgress aria-label={t('common.exporting')} />
    </Stack>
  );
}
