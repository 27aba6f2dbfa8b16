/** Door label for room `n` on `level` of building `code`: A-201, A-1030, basement A-B101. */
export function roomLabel(code: string, level: number, n: number): string {
  const floorPart = level < 0 ? `B${-level}` : String(level);
  return `${code}-${floorPart}${String(n).padStart(2, '0')}`;
}
