import FileDownloadIcon from '@mui/icons-material/FileDownload';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { ExportProgress, useExport } from '@renderer/api/useExport';

/** Hidden from sight but not from the accessibility tree: the button is its visible face. */
const VISUALLY_HIDDEN = {
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  height: 1,
  width: 1,
  overflow: 'hidden',
  position: 'absolute',
  whiteSpace: 'nowrap',
} as const;

/**
 * A labelled file button in the app's language (not the browser's "Choose File"), the name of the
 * file chosen, what the list should hold, and a template to fill in.
 */
export function RegisterFilePicker(props: { busy: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const template = useExport();
  const [chosen, setChosen] = useState('');
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          component="label"
          variant="outlined"
          startIcon={<UploadFileIcon />}
          disabled={props.busy}
        >
          {t('stock.pickFile')}
          <input
            type="file"
            accept=".csv,.xlsx"
            aria-label={t('stock.importFile')}
            style={VISUALLY_HIDDEN}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setChosen(file.name);
              props.onFile(file);
            }}
          />
        </Button>
        <Typography variant="body2">{chosen}</Typography>
        <Button
          startIcon={<FileDownloadIcon />}
          disabled={template.busy}
          onClick={() =>
            void template.run(() => call('stock.registerTemplate', { format: 'xlsx' }))
          }
        >
          {t('stock.downloadTemplate')}
        </Button>
        <ExportProgress busy={template.busy} />
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('stock.fileHint')}
      </Typography>
    </Stack>
  );
}
