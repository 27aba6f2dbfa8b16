import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '@shared/accounts';
import { ExportProgress, useExport } from '@renderer/api/useExport';
import { mark } from '@renderer/app/pageMarks';

type Format = 'xlsx' | 'csv';

/** "Export Excel" (and "Export CSV"): one export at a time, with progress while main builds it. */
export function ExportButtons(props: {
  make: (format: Format) => Promise<ExportedFile>;
  formats?: Format[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const exporting = useExport();
  return (
    <>
      {(props.formats ?? ['xlsx', 'csv']).map((format) => (
        <Button
          key={format}
          startIcon={<FileDownloadIcon />}
          disabled={props.disabled || exporting.busy}
          onClick={() => void exporting.run(() => props.make(format))}
          // The menu's 导出… takes the first (Excel) export of the page or dialog shown.
          {...(format === (props.formats ?? ['xlsx'])[0] ? mark('export') : {})}
        >
          {t(format === 'xlsx' ? 'common.exportXlsx' : 'common.exportCsv')}
        </Button>
      ))}
      <ExportProgress busy={exporting.busy} />
    </>
  );
}
