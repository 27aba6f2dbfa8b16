import { daysBetween } from '../../shared/siteDate';

/**
 * Days and instants as the big derived and history tables store them (readings, departed stays):
 * integers instead of text, a third of the bytes, in the same order.
 */

/** A site calendar day ('2026-11-29') as whole days since 1970-01-01. */
export const dayNumber = (day: string): number => daysBetween('1970-01-01', day);

/** An ISO instant as milliseconds since the epoch. */
export const instantMs = (iso: string): number => Date.parse(iso);
