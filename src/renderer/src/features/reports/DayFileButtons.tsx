import DataObjectIcon from '@mui/icons-material/DataObject';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { ExportProgress, useExport } from '@renderer/api/useExport';

/** "Export data (JSON)" / "(CSV)": the day's figures as the machine-readable day file. */
export function DayFileButtons(props: { siteId: number; day: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const exporting = useExport();
  return (
    <>
      {(['json', 'csv'] as const).map((format) => (
        <Button
          key={format}
          startIcon={<DataObjectIcon />}
          disabled={props.disabled || exporting.busy}
          onClick={() =>
            void exporting.run(() =>
              call('reports.dayFileExport', { siteId: props.siteId, day: props.day, format }),
            )
          }
        >
          {t(format === 'json' ? 'dayFile.exportJson' : 'dayFile.exportCsv')}
        </Button>
      ))}
      <ExportProgress busy={exporting.busy} />
    </>
  );
}
