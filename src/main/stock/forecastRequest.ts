import type { ExportedFile } from '../../shared/accounts';
import type { Language } from '../../shared/domain';
import { interpolate, messagesFor } from '../../shared/i18n/catalogue';
import { requestLines, type SupplyForecast } from '../../shared/supply';
import { getSettings } from '../accounts/settings';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { dayCell, type SheetTable } from '../services/xlsx/sheetTable';
import { supplyForecast } from './forecast';

/** The request to the district as a sheet: one typed row per item to request, soonest out first. */
export function requestTable(forecast: SupplyForecast, language: Language): SheetTable {
  const m = messagesFor(language);
  const w = m.supply;
  const header = [
    w.seq,
    m.stock.item,
    m.stock.spec,
    m.stock.unit,
    w.onHand,
    w.forecastPerDay,
    w.ratePerDay,
    w.used,
    w.daysOfSupply,
    w.runsOutOn,
    w.requestQuantity,
    w.note,
  ];
  const rows = requestLines(forecast).map((r, i) => [
    i + 1,
    r.name,
    r.spec,
    r.baseUnit,
    r.onHand,
    r.forecastPerDay,
    r.ratePerDay,
    w.basisUsed[r.basis],
    r.daysOfSupply,
    dayCell(r.runsOutOn),
    r.requestQuantity,
    '',
  ]);
  return {
    sheet: interpolate(`${w.sheet} {{day}}`, { day: forecast.today }),
    header,
    rows,
    widths: [6, 18, 12, 8, 10, 12, 14, 12, 10, 12, 10, 16],
    dates: { 9: 'day' },
    frozenColumns: 2,
  };
}

/** The request as Excel, named like 申领单_2026-12-06.xlsx; audited. */
export function exportRequest(
  ctx: HandlerContext,
  input: { siteId: number; horizonDays: number; marginPercent: number },
): Deferred<ExportedFile> {
  const forecast = supplyForecast(ctx, input);
  const language = getSettings(ctx).language;
  return auditedSheetFile(
    ctx,
    'supply.requestExport',
    `supply request ${forecast.today}, ${input.horizonDays} days + ${input.marginPercent}%`,
    requestTable(forecast, language),
    `${messagesFor(language).supply.file}_${forecast.today}`,
    'xlsx',
  );
}
