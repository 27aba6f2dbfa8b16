import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportLines } from './reportLines';
import { addDays, siteDay } from '@shared/siteDate';
import { DESTINATION_KINDS, RECEIPT_SOURCES } from '@shared/stock';
import { call } from '@renderer/api/client';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { StockReportDocument } from './StockReportDocument';
import { errorText } from '@renderer/i18n/errorText';
import { PeriodFields } from './PeriodFields';
import type { StoreScope } from './storeScope';

/** The period stock report: per item, opening, in by source, out by destination, closing. */
export function ReportPanel({ scope }: { scope: StoreScope }) {
  const { t } = useTranslation();
  const today = siteDay(new Date());
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const report = useApiQuery('stock.report', { ...scope, from, to });
  const [printing, setPrinting] = useState(false);
  const num = { textAlign: 'right' as const };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <PeriodFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <ExportButtons
          make={(format) => call('stock.reportExport', { ...scope, from, to, format })}
        />
        <Button startIcon={<PrintIcon />} disabled={!report.data} onClick={() => setPrinting(true)}>
          {t('stock.printPdf')}
        </Button>
      </Stack>
      {report.error && <Alert severity="error">{errorText(t, report.error)}</Alert>}
      {report.data && (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('stock.tabReport')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('stock.item')}</TableCell>
                <TableCell style={num}>{t('stock.opening')}</TableCell>
                {RECEIPT_SOURCES.map((s) => (
                  <TableCell key={s} style={num}>
                    {t('stock.receivedBy', { source: t(`receiptSource.${s}`) })}
                  </TableCell>
                ))}
                {DESTINATION_KINDS.map((d) => (
                  <TableCell key={d} style={num}>
                    {t('stock.issuedTo', { kind: t(`destinationKind.${d}`) })}
                  </TableCell>
                ))}
                <TableCell style={num}>{t('stock.adjusted')}</TableCell>
                <TableCell style={num}>{t('stock.reversed')}</TableCell>
                <TableCell style={num}>{t('stock.closing')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reportLines(report.data, t).map((r) => (
                <TableRow key={r.key} sx={r.total ? { '& td': { fontWeight: 600 } } : undefined}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.label}</TableCell>
                  <TableCell style={num}>{r.opening}</TableCell>
                  {RECEIPT_SOURCES.map((s) => (
                    <TableCell key={s} style={num}>
                      {r.received[s] || ''}
                    </TableCell>
                  ))}
                  {DESTINATION_KINDS.map((d) => (
                    <TableCell key={d} style={num}>
                      {r.issued[d] || ''}
                    </TableCell>
                  ))}
                  <TableCell style={num}>{r.adjusted || ''}</TableCell>
                  <TableCell style={num}>{r.reversed || ''}</TableCell>
                  <TableCell style={num}>{r.closing}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <PrintPreview
        title={t('stock.reportTitle')}
        open={printing}
        onClose={() => setPrinting(false)}
        landscape
        pdfName={`stock-report-${to}.pdf`}
      >
        {report.data ? <StockReportDocument report={report.data} /> : null}
      </PrintPreview>
    </Stack>
  );
}
