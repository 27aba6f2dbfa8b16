import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/accounts';
import type { Language } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';
import { shiftHours, type RosterGrid } from '../../shared/roster';
import { siteDay } from '../../shared/siteDate';
import type { HandlerContext } from '../services/context';
import { appendAudit } from '../accounts/audit';
import { isoNow } from '../services/context';
import { Deferred } from '../services/deferred';
import { spreadsheetSafe } from '../services/masking';
import { getSettings } from '../accounts/settings';
import { rosterGrid } from './grid';

/** Two sheets: the grid as on the notice board, and one row per shift worked (typed dates). */
export async function rosterXlsx(grid: RosterGrid, language: Language): Promise<Buffer> {
  const m = messagesFor(language);
  const l = m.roster;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Isolation Site Desk';
  const sheet = workbook.addWorksheet(l.tabGrid);
  sheet.addRow([l.post, l.shift, ...grid.days]).font = { bold: true };
  const slotAt = new Map(grid.slots.map((s) => [`${s.postId}/${s.templateId}/${s.day}`, s]));
  for (const post of grid.posts)
    for (const t of grid.templates.filter((x) => post.templateIds.includes(x.id)))
      sheet.addRow([
        spreadsheetSafe(post.name),
        `${spreadsheetSafe(t.name)} ${shiftHours(t)}`,
        ...grid.days.map((d) =>
          (slotAt.get(`${post.id}/${t.id}/${d}`)?.assignments ?? [])
            .map((a) => spreadsheetSafe(a.staffName))
            .join('、'),
        ),
      ]);
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  sheet.columns.forEach((c, i) => (c.width = i < 2 ? 14 : 16));

  const detail = workbook.addWorksheet(m.exports.roster.detail);
  detail.addRow([l.day, l.post, l.shift, l.start, l.end, l.staffName, l.role]).font = {
    bold: true,
  };
  const postName = new Map(grid.posts.map((p) => [p.id, p.name]));
  const shiftName = new Map(grid.templates.map((t) => [t.id, t.name]));
  for (const a of grid.slots
    .flatMap((s) => s.assignments)
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt))) {
    const row = detail.addRow([
      new Date(`${a.day}T00:00:00Z`),
      spreadsheetSafe(postName.get(a.postId) ?? ''),
      spreadsheetSafe(shiftName.get(a.templateId) ?? ''),
      new Date(a.startsAt),
      new Date(a.endsAt),
      spreadsheetSafe(a.staffName),
      m.staffRole[a.staffRole],
    ]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.getCell(4).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(5).numFmt = 'yyyy-mm-dd hh:mm';
  }
  detail.views = [{ state: 'frozen', ySplit: 1 }];
  detail.columns.forEach((c, i) => (c.width = [12, 14, 10, 18, 18, 12, 16][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The roster as an Excel file, audited. Times in the detail sheet are UTC instants. */
export function exportRoster(
  ctx: HandlerContext,
  input: { periodId: number },
): Deferred<ExportedFile> {
  const grid = rosterGrid(ctx, input);
  const language = getSettings(ctx).language;
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'roster.export',
    outcome: 'ok',
    entity: 'roster_period',
    entityId: input.periodId,
    detail: `roster ${grid.period.startsOn}–${grid.period.endsOn} v${grid.period.version} as xlsx`,
  });
  const stamp = siteDay(ctx.now());
  return new Deferred(async () => ({
    filename: `roster-${grid.period.startsOn}-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await rosterXlsx(grid, language)).toString('base64'),
  }));
}
