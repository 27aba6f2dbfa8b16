/**
 * Days and instants as the big derived and history tables store them (readings, departed stays):
 * integers instead of text, a third of the bytes, in the same order.
 */
const DAY_MS = 86_400_000;

/** A site calendar day ('2026-11-29') as whole days since 1970-01-01. */
export const dayNumber = (day: string): number =>
  Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** An ISO instant as milliseconds since the epoch. */
export const instantMs = (iso: string): number => Date.parse(iso);
