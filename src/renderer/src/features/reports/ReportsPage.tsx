import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteDay } from '@shared/siteDate';
import { call } from '@renderer/api/client';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { errorText } from '@renderer/i18n/errorText';
import { DailyReportDocument } from './DailyReportDocument';
import { DayFileButtons } from './DayFileButtons';
import { DistrictSummaryPanel } from './DistrictSummaryPanel';
import { DateInput } from '@renderer/components/dates/DateInput';
import { isDay } from '@renderer/components/dates/pickerValue';

/** The reports: this site's daily report, and the district summary of several sites' day files. */
export function ReportsPage({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'daily' | 'district'>('daily');
  return (
    <>
      <Tabs value={tab} onChange={(_e, v: 'daily' | 'district') => setTab(v)} sx={{ px: 2 }}>
        <Tab value="daily" label={t('dayFile.tabDaily')} />
        <Tab value="district" label={t('dayFile.tabDistrict')} />
      </Tabs>
      {tab === 'daily' ? <DailyReportPanel siteId={siteId} /> : <DistrictSummaryPanel />}
    </>
  );
}

/** The daily report of any day: on screen as the A4 page, printed, or exported. */
function DailyReportPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => siteDay(new Date()));
  const [printing, setPrinting] = useState(false);
  const report = useApiQuery('reports.daily', { siteId, day });


  return (
    <Box sx={{ p: 2, pt: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
        <DateInput
          label={t('report.day')}
          value={day}
          onChange={(v) => isDay(v) && setDay(v)}
          maxDay={siteDay(new Date())}
        />
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          disabled={!report.data}
          onClick={() => setPrinting(true)}
        >
          {t('report.print')}
        </Button>
        <ExportButtons
          formats={['xlsx']}
          disabled={!report.data}
          make={() => call('reports.dailyExport', { siteId, day })}
        />
        <DayFileButtons siteId={siteId} day={day} disabled={!report.data} />
      </Stack>
      {report.error && <Alert severity="error">{errorText(t, report.error)}</Alert>}
      {report.data && (
        <Box sx={{ bgcolor: 'grey.200', py: 1 }}>
          <div className="print-sheet">
            <DailyReportDocument report={report.data} />
          </div>
        </Box>
      )}
      <PrintPreview
        title={t('report.title', { site: report.data?.siteName ?? '' })}
        open={printing}
        onClose={() => setPrinting(false)}
        pdfName={`daily-report-${day}.pdf`}
      >
        {report.data ? <DailyReportDocument report={report.data} /> : null}
      </PrintPreview>
    </Box>
  );
}
