/** A donation list as the one import preview shows it: which problems refuse a row outright. */
import type { ListPreview, RowPreview } from './imports';
import type { ReceiptImportRow } from './stock';

/**
 * What the preview itself can settle: an item to choose, a conversion to type, and the flags a
 * coordinator may overrule by ticking the row (a repeated line; a day before the back-entry limit,
 * which main then decides on by role). Any other problem refuses the row as the file has it.
 */
export const SETTLED_IN_PREVIEW: ReadonlySet<string> = new Set([
  'unknown_item',
  'unknown_unit',
  'duplicate_row',
  'received_before_limit',
]);

/** A donation-list row as read, before the preview fields that follow from it. */
export type ReceiptRowRead = Omit<ReceiptImportRow, 'line' | 'label' | 'ok' | 'reasons'>;

/** The row with the shared preview fields: its file line, its 序号 as label, what refuses it. */
export function previewedReceiptRow(r: ReceiptRowRead): ReceiptImportRow {
  const reasons = r.problems.filter((p) => !SETTLED_IN_PREVIEW.has(p)).map((code) => ({ code }));
  return {
    ...r,
    line: r.row,
    label: r.serial || String(r.row),
    ok: reasons.length === 0,
    reasons,
  };
}

/** The counts and labels of a list whose rows are read. */
export function receiptListPreview<R extends RowPreview & { serial: string }>(
  rows: R[],
  ignoredColumns: string[],
): ListPreview<R> {
  const ok = rows.filter((r) => r.ok).length;
  return {
    rows,
    labels: rows.some((r) => r.serial) ? 'serial' : 'line',
    ok,
    refused: rows.length - ok,
    ignoredColumns,
  };
}
