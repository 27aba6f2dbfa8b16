import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import type { DamageReason } from '../../shared/backups';

export type FileCheck =
  { ok: true; schemaVersion: number } | { ok: false; reason: DamageReason; detail: string };

export interface CheckOptions {
  /** integrity_check (every index against its table) rather than quick_check. */
  full?: boolean;
  readonly?: boolean;
  nativeBinding?: string;
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

/** SQLite's own words for "this file is damaged" (extended codes included). */
export function isDamageError(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

export function damageReasonOf(error: unknown): DamageReason {
  return codeOf(error).startsWith('SQLITE_NOTADB') ? 'not_a_database' : 'corrupt';
}

/**
 * Opens the file on its own connection and asks SQLite whether it is sound. Damage comes back as a
 * value; anything else (no such file, no permission) is thrown, since it says nothing about the data.
 */
export function checkDatabaseFile(file: string, options: CheckOptions = {}): FileCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      fileMustExist: true,
      readonly: options.readonly ?? false,
      nativeBinding: options.nativeBinding,
    });
    const rows = db.pragma(options.full ? 'integrity_check' : 'quick_check') as Record<
      string,
      string
    >[];
    const findings = rows.map((row) => Object.values(row)[0]);
    if (findings.length !== 1 || findings[0] !== 'ok') {
      return { ok: false, reason: 'check_failed', detail: findings.slice(0, 5).join('; ') };
    }
    return { ok: true, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    if (isDamageError(error)) {
      return { ok: false, reason: damageReasonOf(error), detail: String(error) };
    }
    throw error;
  } finally {
    db?.close();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is wrong with a file's SQLite header, read before SQLite opens it (null when it looks
 * sound): the magic string, a page size that is a power of two from 512 to 65536, and a file
 * made of whole pages.
 */
export function databaseHeaderProblem(file: string, size: number): string | null {
  if (size < 512) return `${size} bytes is no SQLite database`;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) return 'not an SQLite database';
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `page size ${raw}`;
  if (size % pageSize !== 0) return `${size} bytes is not a whole number of ${pageSize}-byte pages`;
  return null;
}
