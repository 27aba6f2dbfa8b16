import type { ExportedFile } from '../../shared/accounts';
import { messagesFor } from '../../shared/i18n/catalogue';
import { siteDay } from '../../shared/siteDate';
import type { HandlerContext } from '../services/context';
import type { Deferred } from '../services/deferred';
import { getSettings } from '../accounts/settings';
import { auditedSheetFile } from '../services/xlsx/auditedSheetFile';
import { dayCell, type SheetTable } from '../services/xlsx/sheetTable';

/**
 * An empty donation register to fill in, in the reader's language, with lines of the kind the
 * district bulletin printed (a company, a shop, a citizen, a kindergarten's estimate) dated today,
 * so that the template itself imports as it is.
 */
export function registerTemplate(
  ctx: HandlerContext,
  input: { format: 'xlsx' | 'csv' },
): Deferred<ExportedFile> {
  const w = messagesFor(getSettings(ctx).language).exports.register;
  const today = dayCell(siteDay(ctx.now()));
  const table: SheetTable = {
    sheet: w.file,
    header: [
      w.serial,
      w.date,
      w.donor,
      w.donorKind,
      w.item,
      w.spec,
      w.quantity,
      w.unit,
      w.purpose,
      w.note,
    ],
    rows: [
      [
        1,
        today,
        '南通普济药房连锁有限公司',
        w.company,
        '医用防护口罩',
        '',
        1000,
        '个',
        '钟秀街道',
        '',
      ],
      [2, today, '京典大药房', w.company, '一次性医用口罩', '', 500, '只', '文峰城管执法中队', ''],
      [3, today, '王志美', w.individual, '医用口罩', '', 80, '个', '狼山社区', ''],
      [
        4,
        today,
        '城山幼儿园',
        w.organisation,
        '一次性医用口罩',
        '',
        '1000余',
        '个',
        '文峰街道',
        w.aboutNote,
      ],
    ],
    widths: [6, 12, 28, 12, 18, 10, 10, 6, 18, 14],
    dates: { 1: 'day' },
  };
  return auditedSheetFile(
    ctx,
    'stock.registerTemplate',
    'donation register template',
    table,
    w.file,
    input.format,
  );
}
