import { DomainError } from '../services/errors';

/**
 * A failure of the disk or of the database file rather than of the request, as a refusal the
 * user can act on. SQLite has already rolled the transaction back when these reach the router,
 * so nothing of the call was written; reads keep working, and writes do again once the cause is
 * gone (nothing is remembered here: the next write simply tries).
 */
export function storageFailureOf(error: unknown): DomainError | null {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new DomainError('DISK_FULL', 'The disk is full; the change was not saved');
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_PERM' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS'
  )
    return new DomainError('READ_ONLY', 'The data file is read-only; the change was not saved');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DomainError('BUSY', 'The database is busy; the change was not saved');
  if (code.startsWith('SQLITE_IOERR'))
    return new DomainError('STORAGE_ERROR', 'Writing to the disk failed; the change was not saved');
  return null;
}
