import { BACKUP_KINDS, type BackupKind } from '../../shared/backups';

/**
 * `desk-2026-11-29T16-00-05-123Z-manual.sqlite`: UTC to the millisecond, so names sort by time
 * and two backups in one second do not collide; no colons, which Windows refuses in names.
 */
const NAME =
  /^desk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.(sqlite|isdbak)$/;

/** An encrypted backup's extension; plain ones (from before encryption) keep `.sqlite`. */
export const SEALED_EXTENSION = 'isdbak';

export function backupFileName(takenAt: Date, kind: BackupKind, encrypted = false): string {
  const stamp = takenAt.toISOString().replace(/:/g, '-').replace('.', '-');
  return `desk-${stamp}-${kind}.${encrypted ? SEALED_EXTENSION : 'sqlite'}`;
}

export interface ParsedBackupName {
  name: string;
  kind: BackupKind;
  takenAt: Date;
  encrypted: boolean;
}

/** Null for anything that is not one of ours: the app never touches other files in the folder. */
export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, hh, mm, ss, ms, kind, extension] = m;
  if (!(BACKUP_KINDS as readonly string[]).includes(kind!)) return null;
  const takenAt = new Date(`${day}T${hh}:${mm}:${ss}.${ms}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { name, kind: kind as BackupKind, takenAt, encrypted: extension === SEALED_EXTENSION };
}

/** The name a backup is written under until it has been checked. */
export const partialName = (name: string): string => `${name}.partial`;

const LEFTOVER = /^(.+)\.partial(-journal|-wal|-shm)?$/;

/**
 * A backup cut short (killed while copying or checking): `<backup name>.partial` and the journals
 * SQLite kept beside it. Each may be a whole copy of the data, so none is kept.
 */
export function isBackupLeftover(name: string): boolean {
  const m = LEFTOVER.exec(name);
  return m !== null && parseBackupFileName(m[1]!) !== null;
}

/** `isolation-site-desk.sqlite.damaged-2026-11-29T16-00-05Z`: set aside, never overwritten. */
export function damagedName(file: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${file}.damaged-${stamp}Z`;
}
