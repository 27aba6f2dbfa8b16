import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictSummary } from '@shared/dayFile';
import { call } from '@renderer/api/client';
import { readBase64 } from '@renderer/api/readFile';
import { errorText } from '@renderer/i18n/errorText';
import { DistrictSummaryTable } from './DistrictSummaryTable';

type Picked = { fileName: string; base64: string };

/**
 * The command centre's view of several sites' day files: files picked here are read and checked
 * by main and shown side by side. Nothing is stored; picking more files adds them to the view.
 */
export function DistrictSummaryPanel() {
  const { t } = useTranslation();
  const [files, setFiles] = useState<Picked[]>([]);
  const [summary, setSummary] = useState<DistrictSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const show = async (next: Picked[]) => {
    setFiles(next);
    setError(null);
    if (next.length === 0) return setSummary(null);
    setBusy(true);
    try {
      setSummary(await call('reports.districtSummary', { files: next }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    const read = await Promise.all(
      chosen.map(async (f) => ({ fileName: f.name, base64: await readBase64(f) })),
    );
    await show([...files, ...read]);
  };

  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Typography variant="h6">{t('dayFile.summaryTitle')}</Typography>
      <Alert severity="info" sx={{ my: 1 }}>
        {t('dayFile.readOnly')}
      </Alert>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy}>
          {t('dayFile.pickFiles')}
          <input
            hidden
            multiple
            type="file"
            accept=".json,.csv"
            aria-label={t('dayFile.pickFiles')}
            onChange={(e) => void onChange(e)}
          />
        </Button>
        <Button disabled={busy || files.length === 0} onClick={() => void show([])}>
          {t('dayFile.clear')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {t('dayFile.accepts')}
        </Typography>
      </Stack>
      {busy && <LinearProgress />}
      {error !== null && <Alert severity="error">{errorText(t, error)}</Alert>}
      {summary ? (
        <DistrictSummaryTable summary={summary} />
      ) : (
        <Typography color="text.secondary">{t('dayFile.noFiles')}</Typography>
      )}
    </Box>
  );
}
