import type { AuditEntry, ExportedFile } from '../../shared/accounts';
import type { AuditFilter } from '../../shared/contract';
import type { HandlerContext } from '../services/context';
import { appendAudit, auditRowsForExport } from './audit';
import { isoNow } from '../services/context';
import { Deferred } from '../services/deferred';
import { spreadsheetSafe } from '../services/masking';
import { sheetXlsx } from '../services/xlsx/sheetTable';

const HEADERS = [
  'id',
  'at (UTC)',
  'user',
  'method',
  'outcome',
  'entity',
  'entity id',
  'changes',
  'detail',
];

function cells(e: AuditEntry): (string | number)[] {
  return [
    e.id,
    e.at,
    spreadsheetSafe(e.username ?? ''),
    spreadsheetSafe(e.method),
    e.outcome,
    spreadsheetSafe(e.entity ?? ''),
    e.entityId ?? '',
    spreadsheetSafe(Object.keys(e.changes).length ? JSON.stringify(e.changes) : ''),
    spreadsheetSafe(e.detail ?? ''),
  ];
}

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function auditCsv(rows: AuditEntry[]): string {
  // The BOM lets Excel on a Chinese Windows read UTF-8 instead of GBK.
  return (
    '\uFEFF' +
    [HEADERS, ...rows.map(cells)].map((r) => r.map(csvField).join(',')).join('\r\n') +
    '\r\n'
  );
}

/** Audit exports run to tens of thousands of rows: streamed row by row. */
export function auditXlsx(rows: AuditEntry[]): Promise<Buffer> {
  return sheetXlsx({
    sheet: 'audit',
    header: HEADERS,
    rows: rows.map(cells),
    widths: [8, 26, 14, 22, 9, 12, 9, 60, 24],
  });
}

/** The export is itself audited, with the filter and the row count, before the file is made. */
export function exportAudit(
  ctx: HandlerContext,
  input: { filter: AuditFilter; format: 'xlsx' | 'csv' },
): Deferred<ExportedFile> {
  const rows = auditRowsForExport(ctx.db, input.filter);
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'audit.export',
    outcome: 'ok',
    detail: `${rows.length} rows as ${input.format}; filter ${JSON.stringify(input.filter)}`,
  });
  const stamp = isoNow(ctx).slice(0, 19).replace(/[:T]/g, '-');
  return new Deferred(async () =>
    input.format === 'csv'
      ? {
          filename: `audit-${stamp}.csv`,
          mime: 'text/csv',
          base64: Buffer.from(auditCsv(rows), 'utf8').toString('base64'),
        }
      : {
          filename: `audit-${stamp}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: (await auditXlsx(rows)).toString('base64'),
        },
  );
}
