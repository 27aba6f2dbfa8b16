import FileDownloadIcon from '@mui/icons-material/FileDownload';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '@shared/accounts';
import { ExportProgress, useExport } from '@renderer/api/useExport';

/**
 * The head of every list import: a labelled button that picks an .xlsx or .csv file (no native
 * "Choose File" in the browser's language), the chosen file's name, what files are accepted, and
 * the list's template to download (made in main, saved like every export).
 */
export function ImportFileBar(props: {
  onPick: (file: File) => void;
  fileName?: string | undefined;
  template?: () => Promise<ExportedFile>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const exporting = useExport();
  const { template } = props;
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    // Picking the same file again (after editing it) must fire a change too.
    e.target.value = '';
    if (chosen) props.onPick(chosen);
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          component="label"
          variant="outlined"
          startIcon={<UploadFileIcon />}
          disabled={props.disabled}
        >
          {t('importPreview.pickFile')}
          <input
            hidden
            type="file"
            accept=".xlsx,.csv"
            aria-label={t('importPreview.pickFile')}
            onChange={onChange}
          />
        </Button>
        {template && (
          <Button
            startIcon={<FileDownloadIcon />}
            disabled={exporting.busy}
            onClick={() => void exporting.run(template)}
          >
            {t('importPreview.template')}
          </Button>
        )}
        {props.fileName && (
          <Typography variant="body2">
            {t('importPreview.fileName', { name: props.fileName })}
          </Typography>
        )}
        <ExportProgress busy={exporting.busy} />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('importPreview.accepts')}
      </Typography>
    </Stack>
  );
}
