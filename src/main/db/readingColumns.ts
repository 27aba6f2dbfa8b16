/**
 * Readings are the one table of millions of rows (a district's twice-daily temperatures over a long
 * epidemic), so migration 0009 stores them compactly: the round day as whole days since
 * 1970-01-01, instants as milliseconds since the epoch, no kind (a re-check is the reading without
 * a round slot), and NULL for no symptoms and for a recording instant equal to the instant taken.
 *
 * Everything outside the services' key lookups sees a reading as the rest of the app keeps its
 * data (ISO instants, 'YYYY-MM-DD' days, JSON arrays) through the expressions below: the view
 * `reading_records` (the archive, the reading screens) and the audit capture are made from them.
 * Migration 0009 created the view from this list: a change here needs a new migration that
 * re-creates the view and re-installs the capture.
 */

/** Symptoms as readings store them: none is NULL. */
export const symptomsValue = (symptoms: readonly string[]): string | null =>
  symptoms.length > 0 ? JSON.stringify([...new Set(symptoms)]) : null;

const isoOf = (ms: string): string => `strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;

/** Each column a reading is shown with, as SQL over the stored row `r` (a table alias, NEW or OLD). */
export const READING_PRESENTATION = {
  id: (r: string) => `${r}.id`,
  stay_id: (r: string) => `${r}.stay_id`,
  kind: (r: string) => `CASE WHEN ${r}.round_slot IS NULL THEN 'recheck' ELSE 'round' END`,
  round_day: (r: string) => `date(${r}.round_day * 86400, 'unixepoch')`,
  round_slot: (r: string) => `${r}.round_slot`,
  temperature_tenths: (r: string) => `${r}.temperature_tenths`,
  symptoms: (r: string) => `coalesce(${r}.symptoms, '[]')`,
  taken_at: (r: string) => isoOf(`${r}.taken_at`),
  recorded_by: (r: string) => `${r}.recorded_by`,
  recorded_at: (r: string) => isoOf(`coalesce(${r}.recorded_at, ${r}.taken_at)`),
} as const satisfies Record<string, (row: string) => string>;

export type ReadingColumn = keyof typeof READING_PRESENTATION;

/** `expression AS column` for each column named, over the stored row `r`. */
export const presentedReading = (r: string, columns: readonly ReadingColumn[]): string =>
  columns.map((c) => `${READING_PRESENTATION[c](r)} AS ${c}`).join(', ');
