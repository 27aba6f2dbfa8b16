import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import { ROOM_STATUSES } from '@shared/domain';
import { formatTenths } from '@shared/health';
import { auditHeadShort, type DailyReport } from '@shared/reports';
import { printDateTime, printDay } from '@renderer/i18n/dates';
import { StaffOnDutySection, StockAlertsSection } from './DailyReportStaffStock';
import './dailyReport.css';

/** The daily report on one A4 page: counts in small tables, the 14-day occupancy as bars. */
export function DailyReportDocument({ report }: { report: DailyReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cell = { textAlign: 'right' as const };
  return (
    <article className="print-document daily-report" data-testid="daily-report">
      <h1 style={{ fontSize: '17pt', marginBottom: '3mm' }}>
        {t('report.title', { site: report.siteName })}
      </h1>
      <div className="print-meta">
        <span>
          {t('report.day')}：{printDay(report.day, lang)}
        </span>
        <span>{t('report.generated', { at: printDateTime(report.generatedAt, lang) })}</span>
      </div>
      <div style={{ display: 'flex', gap: '6mm' }}>
        <section style={{ flex: 1 }}>
          <h2>{t('report.rooms', { total: report.roomTotal })}</h2>
          <table>
            <tbody>
              {ROOM_STATUSES.map((s) => (
                <tr key={s}>
                  <td>{t(`status.${s}`)}</td>
                  <td style={cell}>{report.rooms[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section style={{ flex: 1 }}>
          <h2>{t('report.residents')}</h2>
          <table>
            <tbody>
              {(
                [
                  ['report.atMidnight', report.residentsAtMidnight],
                  ['report.admissions', report.admissions],
                  ['report.releases', report.releases],
                  ['report.transfers', report.transfers],
                  ['report.other', report.otherDepartures],
                ] as const
              ).map(([label, value]) => (
                <tr key={label}>
                  <td>{t(label)}</td>
                  <td style={cell}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <h2>{t('report.health')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('report.round')}</th>
            <th style={cell}>{t('report.expected')}</th>
            <th style={cell}>{t('report.recorded')}</th>
            <th style={cell}>{t('report.missing')}</th>
            <th style={cell}>{t('report.fevers')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rounds.map((r) => (
            <tr key={r.slot}>
              <td>{r.time}</td>
              <td style={cell}>{r.expected}</td>
              <td style={cell}>{r.recorded}</td>
              <td style={cell}>{r.missing}</td>
              <td style={cell}>{r.fevers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ margin: '1mm 0 0' }}>
        {t('report.missedTotal', { count: report.missedReadings, rechecks: report.rechecks })}
      </p>
      <h2>{t('report.feverCases')}</h2>
      {report.feverCases.length === 0 ? (
        <p className="print-muted">{t('report.noFever')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('people.fullName')}</th>
              <th>{t('common.room')}</th>
              <th style={cell}>{t('report.max')}</th>
              <th>{t('report.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {report.feverCases.map((f, i) => (
              <tr key={i}>
                <td>{f.name}</td>
                <td>{f.room ?? '—'}</td>
                <td style={cell}>{formatTenths(f.maxTenths)} ℃</td>
                <td>{t(`feverStatus.${f.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('report.staff')}</h2>
      <StaffOnDutySection duty={report.staffOnDuty} />
      <h2>{t('report.stock')}</h2>
      <StockAlertsSection alerts={report.stockAlerts} />
      <h2>{t('report.occupancy')}</h2>
      <BarChart
        width={680}
        height={170}
        skipAnimation
        hideLegend
        margin={{ top: 14, bottom: 0, left: 0, right: 8 }}
        xAxis={[
          {
            scaleType: 'band',
            data: report.occupancy.map((o) => o.day),
            // Every day's date under its bar, as the district reads it (11-29).
            valueFormatter: (day: string) => day.slice(5),
            tickLabelInterval: () => true,
            tickLabelStyle: { fontSize: 10 },
          },
        ]}
        yAxis={[{ width: 36 }]}
        series={[
          {
            data: report.occupancy.map((o) => o.residents),
            color: '#1f5fa8',
            barLabel: 'value',
            barLabelPlacement: 'outside',
          },
        ]}
      />
      <p
        className="print-muted"
        style={{ fontSize: '7pt', margin: '2mm 0 0' }}
        data-testid="report-audit-head"
      >
        {t('report.auditHead', {
          count: report.auditHead.count,
          head: auditHeadShort(report.auditHead.headHash),
        })}
      </p>
    </article>
  );
}
