import { z } from 'zod';
import {
  DAY_CSV_COLUMNS,
  DAY_FILE_DATA_SET,
  DAY_FILE_FORMAT,
  MAX_DAY_FILE_VALUES,
  dayFileCanonical,
  dayToPeriod,
  indicatorMeaning,
  type DayFile,
  type DayFileRefusalReason,
} from '../../shared/dayFile';
import { MAX_IMPORT_BYTES } from '../../shared/fileLimits';
import { checkIsText, decodeText } from '../services/fileReading/csv';
import { readSheet } from '../services/fileReading/readSheet';
import { MB, refuseField } from '../services/fileReading/refusal';
import { siteDay } from '../../shared/siteDate';
import { sha256 } from './dayFile';

/** A day file refused for what it holds (the file itself was read). */
export class DayFileRefused extends Error {
  constructor(
    readonly reason: DayFileRefusalReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Day file refused: ${reason} ${JSON.stringify(params)}`);
    this.name = 'DayFileRefused';
  }
}

const text = z.string().max(200);
const dataValue = z.object({
  dataElement: text,
  period: text,
  orgUnit: text,
  value: text,
  comment: text.optional(),
});
/** The JSON's shape; unknown fields are let through (DHIS2 tools add their own). */
const dayFileSchema = z.object({
  formatVersion: z.number(),
  appVersion: text,
  dataSet: text,
  completeDate: z.string().regex(/^\d{4}-\d\d-\d\d$/),
  generatedAt: z.iso.datetime(),
  period: z.string().regex(/^\d{8}$/),
  orgUnit: z.string().min(1).max(40),
  orgUnitName: z.string().min(1).max(200),
  dataValues: z.array(dataValue).max(MAX_DAY_FILE_VALUES),
  checksum: text,
});

/** The JSON through the same size bound and text checks as every import. */
function readJson(base64: string): unknown {
  if (Math.floor((base64.length * 3) / 4) > MAX_IMPORT_BYTES + 2)
    throw refuseField('base64', 'file_too_large', 'The file is too large', { max: MAX_IMPORT_BYTES / MB });
  const content = decodeText(Buffer.from(base64, 'base64')).replace(/^\uFEFF/, '');
  checkIsText(content.replace(/[\r\n\t]/g, ' '));
  try {
    return JSON.parse(content) as unknown;
  } catch {
    throw new DayFileRefused('not_day_file', { detail: 'json' });
  }
}

/** The CSV's rows back into a day file: every row must carry the same identity. */
function fromCsv(fileName: string, base64: string): unknown {
  // The writer kept a cell starting with = + - @ from running as a formula by an apostrophe
  // (spreadsheetSafe): take it off again, so a site named "+…" reads back as it was signed.
  const rows = readSheet({ fileName, base64 }).map((r) =>
    r.cells.map((c) => c.trim().replace(/^'(?=[=+\-@])/, '')),
  );
  const [header, ...body] = rows;
  if (!header || DAY_CSV_COLUMNS.some((c, i) => header[i] !== c))
    throw new DayFileRefused('not_day_file', { detail: 'columns' });
  if (body.length > MAX_DAY_FILE_VALUES) throw new DayFileRefused('not_day_file', { detail: 'rows' });
  const first = body[0];
  if (!first) throw new DayFileRefused('not_day_file', { detail: 'empty' });
  const [orgUnit, orgUnitName, date, , , generatedAt, formatVersion, appVersion, checksum] = first;
  for (const r of body)
    if ([0, 1, 2, 5, 6, 7, 8].some((i) => r[i] !== first[i]))
      throw new DayFileRefused('not_day_file', { detail: 'rows' });
  const period = dayToPeriod(date ?? '');
  return {
    formatVersion: Number(formatVersion),
    appVersion,
    dataSet: DAY_FILE_DATA_SET,
    completeDate: generatedAt && siteDayOf(generatedAt),
    generatedAt,
    period,
    orgUnit,
    orgUnitName,
    dataValues: body.map((r) => ({ dataElement: r[3], period, orgUnit, value: r[4] })),
    checksum,
  };
}

/**
 * A day file (.json or .csv) read, bounded like every import, and checked: the format version,
 * then the checksum, then that every value is a known indicator's count for this site and day.
 * Throws DayFileRefused, or the readers' own refusal (FILE_REFUSED, a file field) for a file
 * that cannot be read at all.
 */
export function readDayFile(file: { fileName: string; base64: string }): DayFile {
  const extension = /\.([^.]*)$/.exec(file.fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (extension !== 'json' && extension !== 'csv') throw new DayFileRefused('file_type');
  const raw = extension === 'json' ? readJson(file.base64) : fromCsv(file.fileName, file.base64);
  const version =
    raw !== null && typeof raw === 'object' && 'formatVersion' in raw ? raw.formatVersion : undefined;
  if (version === undefined) throw new DayFileRefused('not_day_file', { detail: 'version' });
  if (version !== DAY_FILE_FORMAT)
    throw new DayFileRefused('format_version', {
      found: String(version).slice(0, 20),
      expected: DAY_FILE_FORMAT,
    });
  const parsed = dayFileSchema.safeParse(raw);
  if (!parsed.success) throw new DayFileRefused('not_day_file', { detail: 'shape' });
  const dayFile = parsed.data as DayFile;
  if (sha256(dayFileCanonical(dayFile)) !== dayFile.checksum) throw new DayFileRefused('checksum');
  const seen = new Set<string>();
  for (const v of dayFile.dataValues) {
    if (
      !indicatorMeaning(v.dataElement) ||
      seen.has(v.dataElement) ||
      v.period !== dayFile.period ||
      v.orgUnit !== dayFile.orgUnit ||
      !/^\d{1,9}$/.test(v.value)
    )
      throw new DayFileRefused('not_day_file', { detail: v.dataElement.slice(0, 40) });
    seen.add(v.dataElement);
  }
  return dayFile;
}

/** The site day of an instant as text; undefined for text that is no instant (the schema refuses it). */
function siteDayOf(instant: string): string | undefined {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? undefined : siteDay(at);
}
