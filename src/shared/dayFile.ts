/**
 * The day file: the 日报's figures as stable indicator codes, for the district's machines and for
 * the district summary screen. JSON in the shape of a DHIS2 `dataValueSets` payload, or CSV (one
 * row per indicator). Names and units are in the catalogue (`dayFile.*`), both languages.
 */

/** Bumped whenever a code, a field or the canonical content changes: other versions are refused. */
export const DAY_FILE_FORMAT = 1;
/** The DHIS2 data set the values belong to. */
export const DAY_FILE_DATA_SET = 'ISD_DAILY_REPORT';
/** A day has some 40 values; far more is not a day file. */
export const MAX_DAY_FILE_VALUES = 500;
/** Sites one summary opens at once (a district has a few dozen sites). */
export const MAX_DISTRICT_FILES = 60;

export type IndicatorUnit =
  'persons' | 'rooms' | 'readings' | 'cases' | 'places' | 'items' | 'lots';

/** The fixed indicators in their order on paper; each round adds ROUND_PARTS after them. */
export const DAY_INDICATORS = [
  { code: 'ISD_RESIDENTS_MIDNIGHT', unit: 'persons' },
  { code: 'ISD_ADMISSIONS', unit: 'persons' },
  { code: 'ISD_RELEASES', unit: 'persons' },
  { code: 'ISD_TRANSFERS', unit: 'persons' },
  { code: 'ISD_OTHER_DEPARTURES', unit: 'persons' },
  // One per ROOM_STATUSES entry (dayFile.test checks they match).
  { code: 'ISD_ROOMS_AVAILABLE', unit: 'rooms' },
  { code: 'ISD_ROOMS_RESERVED', unit: 'rooms' },
  { code: 'ISD_ROOMS_OCCUPIED', unit: 'rooms' },
  { code: 'ISD_ROOMS_AWAITING_DISINFECTION', unit: 'rooms' },
  { code: 'ISD_ROOMS_OUT_OF_SERVICE', unit: 'rooms' },
  { code: 'ISD_ROOMS_TOTAL', unit: 'rooms' },
  { code: 'ISD_FEVER_NEW', unit: 'cases' },
  { code: 'ISD_RECHECKS', unit: 'readings' },
  { code: 'ISD_READINGS_MISSED', unit: 'readings' },
  { code: 'ISD_STAFF_ON_DUTY', unit: 'persons' },
  { code: 'ISD_STAFF_GAPS', unit: 'places' },
  { code: 'ISD_STOCK_LOW', unit: 'items' },
  { code: 'ISD_STOCK_EXPIRING', unit: 'lots' },
  { code: 'ISD_STOCK_EXPIRED', unit: 'lots' },
] as const satisfies readonly { code: string; unit: IndicatorUnit }[];

export const ROUND_PARTS = ['DUE', 'MEASURED', 'MISSED', 'FEVER'] as const;
export type RoundPart = (typeof ROUND_PARTS)[number];
export const roundCode = (slot: number, part: RoundPart): string => `ISD_ROUND_${slot}_${part}`;
const ROUND_CODE = /^ISD_ROUND_([1-9]\d?)_(DUE|MEASURED|MISSED|FEVER)$/;

/** What an indicator code means: its catalogue key and params, or null for a code not ours. */
export type IndicatorMeaning =
  | { kind: 'fixed'; code: (typeof DAY_INDICATORS)[number]['code']; unit: IndicatorUnit }
  | { kind: 'round'; slot: number; part: RoundPart; unit: IndicatorUnit };

export function indicatorMeaning(code: string): IndicatorMeaning | null {
  const fixed = DAY_INDICATORS.find((i) => i.code === code);
  if (fixed) return { kind: 'fixed', code: fixed.code, unit: fixed.unit };
  const round = ROUND_CODE.exec(code);
  if (!round) return null;
  const part = round[2] as RoundPart;
  return {
    kind: 'round',
    slot: Number(round[1]),
    part,
    unit: part === 'FEVER' ? 'cases' : 'readings',
  };
}

/** Codes in report order: the fixed ones, then rounds by slot and part. */
export function indicatorOrder(a: string, b: string): number {
  const rank = (code: string): number => {
    const m = indicatorMeaning(code);
    if (!m) return Number.MAX_SAFE_INTEGER;
    if (m.kind === 'fixed') return DAY_INDICATORS.findIndex((i) => i.code === code);
    return 1000 + m.slot * 10 + ROUND_PARTS.indexOf(m.part);
  };
  return rank(a) - rank(b);
}

/** One value as DHIS2 takes it (values are strings there). */
export interface DayDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment?: string;
}

/** A day file as JSON: a DHIS2 dataValueSet plus what the desk needs to trust it. */
export interface DayFile {
  formatVersion: number;
  appVersion: string;
  dataSet: string;
  /** DHIS2's completion date: the site day the figures were taken on, YYYY-MM-DD. */
  completeDate: string;
  /** The instant the figures were taken (ISO, UTC). */
  generatedAt: string;
  /** The site day as DHIS2's daily period, YYYYMMDD. */
  period: string;
  /** The site's code (see siteCode in main). */
  orgUnit: string;
  orgUnitName: string;
  dataValues: DayDataValue[];
  /** SHA-256, hex, of dayFileCanonical(this file). */
  checksum: string;
}

/** The CSV's columns, in order: every row carries the file's identity, so any row stands alone. */
export const DAY_CSV_COLUMNS = [
  'site_code',
  'site_name',
  'date',
  'indicator',
  'value',
  'generated_at',
  'format_version',
  'app_version',
  'checksum',
] as const;

export const dayToPeriod = (day: string): string => day.replaceAll('-', '');
export const periodToDay = (period: string): string =>
  `${period.slice(0, 4)}-${period.slice(4, 6)}-${period.slice(6, 8)}`;

/**
 * The content the checksum covers, the same for the JSON and the CSV of one day: the format, the
 * site, the day, the completion date and instant, and every value in the file's order. The app version is not in it
 * (the format version decides what may be read).
 */
export function dayFileCanonical(file: Omit<DayFile, 'checksum' | 'appVersion'>): string {
  return JSON.stringify([
    file.formatVersion,
    file.dataSet,
    file.orgUnit,
    file.orgUnitName,
    file.period,
    file.completeDate,
    file.generatedAt,
    file.dataValues.map((v) => [v.dataElement, v.value]),
  ]);
}

/** One site's day as the summary shows it. */
export interface SiteDay {
  fileName: string;
  orgUnit: string;
  orgUnitName: string;
  generatedAt: string;
  appVersion: string;
  values: Record<string, number>;
}

export type DayFileRefusalReason =
  | 'file_type'
  | 'unreadable'
  | 'not_day_file'
  | 'format_version'
  | 'checksum'
  | 'other_day'
  | 'duplicate_site';

/** A file the summary did not take, and why (params fill the reason's words). */
export interface DayFileRefusal {
  fileName: string;
  reason: DayFileRefusalReason;
  params: Record<string, string | number>;
  /** For `unreadable`: the reader's own refusal (a limit passed, a damaged file). */
  error?: {
    code: string;
    message: string;
    params?: Record<string, string | number>;
    fields?: Record<string, string>;
  };
}

export interface DistrictSummary {
  /** The day of the files taken (the first sound file's), or null when none was. */
  day: string | null;
  sites: SiteDay[];
  refused: DayFileRefusal[];
}

/** Every code any site has, in report order. */
export const summaryIndicators = (sites: SiteDay[]): string[] =>
  [...new Set(sites.flatMap((s) => Object.keys(s.values)))].sort(indicatorOrder);

/** Each indicator's sum over the sites (a site without the indicator adds nothing). */
export function summaryTotals(sites: SiteDay[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const s of sites)
    for (const [code, value] of Object.entries(s.values))
      totals[code] = (totals[code] ?? 0) + value;
  return totals;
}
