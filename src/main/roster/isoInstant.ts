/** The digit at `i`, or NaN if it is not one (NaN then fails every range check below). */
const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * Epoch milliseconds of a stored instant: exactly Date.parse, read by hand for the one shape the
 * app writes (`toISOString()`: YYYY-MM-DDTHH:MM:SS.sssZ) and handed to Date.UTC as numbers,
 * several times faster than parsing the text. A roster grid
 * reads two instants for each of a thousand and more shifts on every refresh. Anything else —
 * another shape, or a day past the 28th, which only the calendar can judge — goes to Date.parse.
 */
export function instantOf(iso: string): number {
  if (
    iso.length !== 24 ||
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    iso.charCodeAt(19) !== 46 || // .
    iso.charCodeAt(23) !== 90 // Z
  ) {
    return Date.parse(iso);
  }
  const year = two(iso, 0) * 100 + two(iso, 2);
  const month = two(iso, 5);
  const day = two(iso, 8);
  const hour = two(iso, 11);
  const minute = two(iso, 14);
  const second = two(iso, 17);
  const ms = two(iso, 20) * 10 + digit(iso, 22);
  // Written as "within range" so that NaN (a non-digit) falls back too.
  const plain =
    year >= 100 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 28 &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    ms >= 0;
  if (!plain) return Date.parse(iso);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
