import { useTranslation } from 'react-i18next';
import type { StaffOnDuty } from '@shared/onDuty';
import type { StockAlerts, StockItemRef } from '@shared/stockAlerts';
import { formatClock } from '@renderer/i18n/dates';

/** How many entries of one kind of alert the page lists before "and N more". */
const LISTED = 4;

/** 在岗人员: each post of the day's published roster on one line, then the leader on duty. */
export function StaffOnDutySection({ duty }: { duty: StaffOnDuty }) {
  const { t } = useTranslation();
  if (duty.roster !== 'published') {
    return (
      <p className="print-muted" data-testid="report-staff">
        {t(duty.roster === 'none' ? 'report.noRoster' : 'report.draftRoster')}
      </p>
    );
  }
  const span = (from: string, to: string) => ({ from: formatClock(from), to: formatClock(to) });
  return (
    <div data-testid="report-staff">
      <table>
        <thead>
          <tr>
            <th style={{ width: '16%' }}>{t('roster.post')}</th>
            <th>{t('report.shiftsAndStaff')}</th>
          </tr>
        </thead>
        <tbody>
          {duty.posts.map((p) => (
            <tr key={p.post}>
              <td>
                {p.post}
                <div className="print-muted" style={{ fontSize: '7.5pt' }}>
                  {p.roles.map((r) => t(`staffRole.${r}`)).join('、')}
                </div>
              </td>
              <td>
                {p.shifts
                  .map((s) =>
                    t('report.shiftStaff', {
                      shift: s.shift,
                      ...span(s.startsAt, s.endsAt),
                      names:
                        s.staff.map((n) => n.name).join('、') +
                        (s.staff.length < s.required ? ` ${t('report.vacant')}` : ''),
                    }),
                  )
                  .join('；')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ margin: '1mm 0 0' }}>
        {duty.leaders.length === 0
          ? t('report.noLeader')
          : t('report.leaders', {
              names: duty.leaders
                .map((l) =>
                  t('report.leaderShift', { name: l.name, shift: l.shift, ...span(l.startsAt, l.endsAt) }),
                )
                .join('、'),
            })}
        {' · '}
        {t('report.onDutySummary', { count: duty.headcount, gaps: duty.gaps })}
      </p>
    </div>
  );
}

/** 物资预警: low, expired and expiring stock on a line each, then days of supply, shortest first. */
export function StockAlertsSection({ alerts }: { alerts: StockAlerts }) {
  const { t } = useTranslation();
  const named = (r: StockItemRef) =>
    r.spec ? t('report.itemWithSpec', { name: r.name, spec: r.spec }) : r.name;
  const line = (label: string, entries: string[], listed = LISTED) =>
    entries.length === 0 ? null : (
      <p style={{ margin: 0 }}>
        <b>{label}</b>：{entries.slice(0, listed).join('；')}
        {entries.length > listed ? ` ${t('report.more', { count: entries.length - listed })}` : ''}
      </p>
    );
  const quiet = alerts.low.length + alerts.expired.length + alerts.expiring.length === 0;
  return (
    <div data-testid="report-stock">
      {quiet && <p className="print-muted" style={{ margin: 0 }}>{t('report.noStockAlerts')}</p>}
      {line(
        t('report.stockLow'),
        alerts.low.map((r) =>
          t('report.lowItem', {
            name: named(r),
            onHand: r.onHand,
            threshold: r.lowThreshold,
            unit: r.baseUnit,
          }),
        ),
      )}
      {line(
        t('report.stockExpired'),
        alerts.expired.map((r) =>
          t('report.expiredItem', {
            name: named(r),
            lot: r.lotCode,
            quantity: r.quantity,
            unit: r.baseUnit,
            expiry: r.expiry,
          }),
        ),
      )}
      {line(
        t('report.stockExpiring'),
        alerts.expiring.map((r) =>
          t('report.expiringItem', {
            name: named(r),
            lot: r.lotCode,
            quantity: r.quantity,
            unit: r.baseUnit,
            days: r.daysLeft,
          }),
        ),
      )}
      {alerts.supply.length === 0 ? (
        <p className="print-muted" style={{ margin: 0 }}>{t('report.noUsage')}</p>
      ) : (
        line(
          t('report.supply', { from: alerts.usageFrom.slice(5), to: alerts.usageTo.slice(5) }),
          alerts.supply.map((r) => t('report.supplyItem', { name: named(r), days: r.daysOfSupply })),
          2 * LISTED,
        )
      )}
    </div>
  );
}
