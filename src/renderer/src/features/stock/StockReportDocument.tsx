import { useTranslation } from 'react-i18next';
import { reportLines } from './reportLines';
import { DESTINATION_KINDS, RECEIPT_SOURCES, type StockReport } from '@shared/stock';
import { printDateTime } from '@renderer/i18n/dates';

/** The period stock report on A4 landscape for the district office. */
export function StockReportDocument({ report }: { report: StockReport }) {
  const { t, i18n } = useTranslation();
  const num = { textAlign: 'right' as const };
  return (
    <article className="print-document print-landscape" data-testid="stock-report">
      <h1 style={{ fontSize: '16pt', marginBottom: '2mm' }}>{t('stock.reportTitle')}</h1>
      <div className="print-meta">
        <span>
          {t('stock.reportMeta', {
            site: `${report.siteName} · ${report.locationName}`,
            from: report.from,
            to: report.to,
            at: printDateTime(report.generatedAt, i18n.language),
          })}
        </span>
      </div>
      <table style={{ fontSize: '8pt' }}>
        <thead>
          <tr>
            <th style={{ width: '16%' }}>{t('stock.item')}</th>
            <th style={num}>{t('stock.opening')}</th>
            {RECEIPT_SOURCES.map((s) => (
              <th key={s} style={num}>
                {t('stock.receivedBy', { source: t(`receiptSource.${s}`) })}
              </th>
            ))}
            {DESTINATION_KINDS.map((d) => (
              <th key={d} style={num}>
                {t('stock.issuedTo', { kind: t(`destinationKind.${d}`) })}
              </th>
            ))}
            <th style={num}>{t('stock.adjusted')}</th>
            <th style={num}>{t('stock.reversed')}</th>
            <th style={num}>{t('stock.closing')}</th>
          </tr>
        </thead>
        <tbody>
          {reportLines(report, t).map((r) => (
            <tr key={r.key} style={r.total ? { fontWeight: 600 } : undefined}>
              <td>{r.label}</td>
              <td style={num}>{r.opening}</td>
              {RECEIPT_SOURCES.map((s) => (
                <td key={s} style={num}>
                  {r.received[s]}
                </td>
              ))}
              {DESTINATION_KINDS.map((d) => (
                <td key={d} style={num}>
                  {r.issued[d]}
                </td>
              ))}
              <td style={num}>{r.adjusted}</td>
              <td style={num}>{r.reversed}</td>
              <td style={num}>{r.closing}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
