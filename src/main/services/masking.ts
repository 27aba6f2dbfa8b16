/**
 * Personal numbers never leave main in full unless a permission says so: lists, prints, exports
 * and the audit trail show `3206**********123X` and `138****5678`.
 */
export function maskIdNumber(value: string): string {
  if (!idEndsShown(value.length)) return '*'.repeat(value.length);
  return (
    value.slice(0, ID_ENDS_SHOWN) +
    '*'.repeat(value.length - 2 * ID_ENDS_SHOWN) +
    value.slice(-ID_ENDS_SHOWN)
  );
}

/** How many characters a masked document number shows at each end (when it shows any). */
export const ID_ENDS_SHOWN = 4;

/** Whether the mask of a document number this long shows its ends; a short one is all stars. */
export const idEndsShown = (length: number): boolean => length > 2 * ID_ENDS_SHOWN;

export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

// An 18-character resident ID (17 digits + digit or X) and an 11-digit mainland mobile number,
// wherever they appear in free text (names, notes, addresses typed by hand).
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// The mobile number may carry the country code (+86 138…, 86-138…) and be written in groups
// with dashes or spaces (138-1234-5678, 139 1234 5678): any single dash or space between digits.
const MOBILE = /(?<!\d)((?:\+?86[- ]?)?)(1[3-9](?:[- ]?\d){9})(?!\d)/g;

/** Masks the digits of a mobile number written with separators, keeping the separators. */
function maskGroupedPhone(written: string): string {
  const masked = [...maskPhone(written.replace(/\D/g, ''))];
  return written.replace(/\d/g, () => masked.shift()!);
}

export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, maskIdNumber)
    .replace(MOBILE, (_m, prefix: string, number: string) => prefix + maskGroupedPhone(number));
}

export const maskPersonalNumbersOrNull = (text: string | null): string | null =>
  text === null ? null : maskPersonalNumbers(text);

/** Masks every string inside a JSON-like value. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  }
  return value;
}

/**
 * A cell a spreadsheet will not run as a formula (CSV/XLSX injection): text starting with
 * = + - @, tab, carriage return or NUL gets a leading apostrophe.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}
