import type { ExportedFile } from '../../../shared/accounts';
import type { HandlerContext } from '../context';
import { appendAudit } from '../../accounts/audit';
import { isoNow } from '../context';
import { Deferred } from '../deferred';
import { sheetCsv, sheetXlsx, type SheetTable } from './sheetTable';

/** File names carry no characters Windows refuses. */
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

/**
 * A table exported as `<stem>.xlsx` or `.csv`: the export is audited in the caller's transaction,
 * the file is made after it commits.
 */
export function auditedSheetFile(
  ctx: HandlerContext,
  method: string,
  detail: string,
  table: SheetTable,
  stem: string,
  format: 'xlsx' | 'csv',
): Deferred<ExportedFile> {
  appendAudit(ctx.db, { at: isoNow(ctx), actor: ctx.actor, method, outcome: 'ok', detail });
  const filename = `${fileSafe(stem)}.${format}`;
  return new Deferred(async () =>
    format === 'csv'
      ? {
          filename,
          mime: 'text/csv',
          base64: Buffer.from(sheetCsv(table), 'utf8').toString('base64'),
        }
      : {
          filename,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: (await sheetXlsx(table)).toString('base64'),
        },
  );
}
