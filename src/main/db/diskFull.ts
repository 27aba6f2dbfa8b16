/**
 * The disk has no room: SQLite says full, or (with a few KB left, when it cannot even create the
 * -shm it maps) "disk I/O error". Says nothing about the data, which is readable from a copy.
 */
export function isDiskFullFailure(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (
    typeof code === 'string' &&
    (code === 'ENOSPC' || code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR'))
  );
}
