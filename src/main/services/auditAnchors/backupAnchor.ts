import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import type { AuditAnchor } from '../../../shared/accounts';
import type { BackupInfo } from '../../../shared/backups';
import type { Db } from '../../db/open';
import { DomainError } from '../errors';
import { verifyAuditChain } from '../audit';
import { parseAnchor, readAnchors } from './anchorsFile';
import { anchorChain } from './anchor';
import { chainHead, mismatchWith } from './head';

/** `desk-…-manual.sqlite.anchor.json`: the chain head of the backup beside it. */
export const anchorSidecarOf = (backupFile: string): string => `${backupFile}.anchor.json`;

/** Goes with its backup (rotation, the purge's clean-up). */
export function removeAnchorSidecar(backupFile: string): void {
  rmSync(anchorSidecarOf(backupFile), { force: true });
}

function writeSidecar(backupFile: string, anchor: AuditAnchor): void {
  const fd = openSync(anchorSidecarOf(backupFile), 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(anchor)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readSidecar(backupFile: string): AuditAnchor | null {
  try {
    return parseAnchor(readFileSync(anchorSidecarOf(backupFile), 'utf8').trim());
  } catch {
    return null;
  }
}

/** A file from before version 2 has no audit trail at all. */
const hasAuditLog = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !==
  undefined;

function openBackup(file: string, nativeBinding?: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
}

/**
 * Records a fresh backup's chain head, read from the copy itself (so it is the head at the moment
 * of the copy), beside the backup and in the anchors file. A backup that could not be anchored is
 * removed: restoring it could not tell a cut chain from a sound one.
 */
export function anchorNewBackup(
  backupFile: string,
  info: BackupInfo,
  dataDir: string,
  nativeBinding?: string,
): void {
  try {
    const copy = openBackup(backupFile, nativeBinding);
    try {
      if (!hasAuditLog(copy)) return;
      const head = chainHead(copy);
      writeSidecar(backupFile, {
        at: info.takenAt,
        count: head.count,
        headHash: head.headHash,
        reason: 'backup',
        source: info.name,
      });
      anchorChain(dataDir, copy, {
        reason: 'backup',
        source: info.name,
        at: new Date(info.takenAt),
      });
    } finally {
      copy.close();
    }
  } catch (error) {
    rmSync(backupFile, { force: true });
    removeAnchorSidecar(backupFile);
    throw error;
  }
}

/** What was written down about this backup when it was taken: its sidecar and its anchors line. */
function recordedHeads(backupFile: string, name: string, dataDir: string): AuditAnchor[] {
  const sidecar = readSidecar(backupFile);
  const filed = readAnchors(dataDir).filter((a) => a.reason === 'backup' && a.source === name);
  return [...(sidecar ? [sidecar] : []), ...filed];
}

/**
 * Refuses a backup whose audit chain does not walk clean, or no longer matches the head recorded
 * when it was taken (cut short, or rewritten and re-hashed). A backup from before anchoring has
 * no record and passes on its walk alone. Returns whether a record was there to check.
 */
export function assertBackupChainIntact(
  backupFile: string,
  name: string,
  dataDir: string,
  nativeBinding?: string,
): { anchored: boolean } {
  const copy = openBackup(backupFile, nativeBinding);
  try {
    if (!hasAuditLog(copy)) return { anchored: false };
    const walk = verifyAuditChain(copy);
    if (!walk.ok) {
      throw new DomainError(
        'BACKUP_AUDIT_MISMATCH',
        `The audit trail of backup ${name} is broken at entry ${walk.firstBrokenId} (${walk.reason})`,
        { name, reason: walk.reason, recorded: walk.count, found: walk.firstBrokenId },
      );
    }
    const heads = recordedHeads(backupFile, name, dataDir);
    for (const recorded of heads) {
      const mismatch = mismatchWith(copy, recorded);
      const cut =
        mismatch ?? (walk.count > recorded.count ? { reason: 'rewritten' as const } : null);
      if (!cut) continue;
      throw new DomainError(
        'BACKUP_AUDIT_MISMATCH',
        `The audit trail of backup ${name} was ${cut.reason}: ${recorded.count} entries were recorded when it was taken, it has ${walk.count}`,
        { name, reason: cut.reason, recorded: recorded.count, found: walk.count },
      );
    }
    return { anchored: heads.length > 0 };
  } finally {
    copy.close();
  }
}
