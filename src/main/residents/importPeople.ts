import {
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  type ImportMapping,
  type ImportPreview,
} from '../../shared/imports';
import type { FieldErrors } from '../../shared/errors';
import { getBatch } from './arrivals';
import type { ServiceContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { readSheet } from '../services/fileReading/readSheet';
import { refuseField as refuse } from '../services/fileReading/refusal';
import { clean } from '../services/fileReading/sheetCells';
import { findHeaderRow, findSerialColumn, suggestMapping } from './importMapping';
import { checkRows } from './importRows';

/*
 * Importing the lists of arrivals the district sends (CSV or XLSX): read the file into rows of
 * strings (fileReading/readSheet, which bounds every file before it is parsed), map columns to
 * person fields (importMapping), turn cells into values (importValues) and check every row
 * (importRows) exactly as arrivals.register will (the same zod schema, the same document check),
 * so that registering the valid rows afterwards cannot be refused for a reason the preview did
 * not show.
 */

/** The file read, mapped (as given or as suggested) and every row checked; nothing is written. */
export async function buildPreview(
  ctx: ServiceContext,
  input: { fileName: string; base64: string; mapping?: ImportMapping | undefined },
): Promise<ImportPreview> {
  const all = readSheet(input);
  if (all.length === 0) throw refuse('base64', 'file_empty', 'The file has no rows');
  const headerAt = findHeaderRow(all);
  const data = all.slice(headerAt + 1);
  // Up to the last column with anything in it (styled empty cells make rows look wider).
  const lastFilled = (cells: string[]) => cells.findLastIndex((c) => c.trim() !== '') + 1;
  // readSheet refuses a row past FILE_LIMITS.columns, so the mapping's columns fit the contract.
  const width = Math.max(...all.slice(headerAt).map((r) => lastFilled(r.cells)));
  const headerCells = all[headerAt]!.cells;
  const headers = Array.from({ length: width }, (_, i) => clean(headerCells[i] ?? ''));
  if (data.length === 0) throw refuse('base64', 'file_empty', 'The file has no data rows');
  if (data.length > MAX_IMPORT_ROWS)
    throw refuse('base64', 'too_many_rows', `At most ${MAX_IMPORT_ROWS} people per import`, {
      max: MAX_IMPORT_ROWS,
      count: data.length,
    });

  let mapping: ImportMapping;
  if (input.mapping) {
    mapping = {};
    const fields: FieldErrors = {};
    for (const f of IMPORT_FIELDS) {
      const column = input.mapping[f];
      if (column === undefined) continue;
      if (column >= width) fields[`mapping.${f}`] = 'too_big';
      else mapping[f] = column;
    }
    if (Object.keys(fields).length > 0)
      throw new DomainError(
        'INVALID_INPUT',
        'The mapping names a column the file does not have',
        {},
        fields,
      );
  } else {
    mapping = suggestMapping(headers);
  }

  const serialColumn = findSerialColumn(headers);
  const used = new Set<number>([...Object.values(mapping), serialColumn ?? -1]);
  const rows = checkRows(ctx, data, mapping, serialColumn);
  const ok = rows.filter((r) => r.ok).length;
  return {
    headers,
    headerRow: all[headerAt]!.row,
    mapping,
    serialColumn,
    rows,
    labels: serialColumn === null ? 'line' : 'serial',
    ok,
    refused: rows.length - ok,
    ignoredColumns: headers.filter((h, column) => h !== '' && !used.has(column)),
  };
}

/** arrivals.importPreview: the batch must exist; the file is read after, outside the transaction. */
export function previewImport(
  ctx: ServiceContext,
  input: {
    batchId: number;
    fileName: string;
    base64: string;
    mapping?: ImportMapping | undefined;
  },
): Deferred<ImportPreview> {
  getBatch(ctx, input.batchId);
  return new Deferred(() => buildPreview(ctx, input));
}
