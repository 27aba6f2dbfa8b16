import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import type { AuditAnchor } from '../../../shared/accounts';
import type { BackupInfo } from '../../../shared/backups';
import type { Db } from '../../db/open';
import { DomainError } from '../../services/errors';
import { verifyAuditChain } from '../audit';
import { parseBackupFileName } from '../../backups/names';
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
 * removed: restoring it could not tell a cut chain from a sound one. `readFrom`: the plain copy
 * of an encrypted backup.
 */
export function anchorNewBackup(
  backupFile: string,
  info: BackupInfo,
  dataDir: string,
  nativeBinding?: string,
  readFrom = backupFile,
): void {
  try {
    const copy = openBackup(readFrom, nativeBinding);
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

/**
 * What was written down about this backup: the heads it was taken with (its sidecar, its line in
 * the anchors file), which its chain must end at exactly; and the anchor written just before it,
 * which its chain must extend (a copy of a database whose trail had already been cut does not).
 */
function recordedHeads(
  backupFile: string,
  name: string,
  dataDir: string,
): { exact: AuditAnchor[]; before: AuditAnchor | undefined } {
  const sidecar = readSidecar(backupFile);
  const anchors = readAnchors(dataDir);
  const own = (a: AuditAnchor) => a.reason === 'backup' && a.source === name;
  const ownIndex = anchors.findIndex(own);
  const takenAt = parseBackupFileName(name)?.takenAt.getTime() ?? 0;
  return {
    exact: [...(sidecar ? [sidecar] : []), ...anchors.filter(own)],
    before:
      ownIndex >= 0 ? anchors[ownIndex - 1] : anchors.findLast((a) => Date.parse(a.at) < takenAt),
  };
}

function refuse(name: string, reason: string, recorded: number, found: number): never {
  throw new DomainError(
    'BACKUP_AUDIT_MISMATCH',
    `The audit trail of backup ${name} was ${reason}: ${recorded} entries were recorded, it has ${found}`,
    { name, reason, recorded, found },
  );
}

/**
 * Refuses a backup whose audit chain does not walk clean, no longer ends at the head recorded when
 * it was taken, or does not extend the anchor written before it (cut short, or rewritten and
 * re-hashed). A backup from before anchoring has no record and passes on its walk alone. Returns
 * whether a head of its own was there to check. `readFrom`: an encrypted backup's opened copy.
 */
export function assertBackupChainIntact(
  backupFile: string,
  name: string,
  dataDir: string,
  nativeBinding?: string,
  readFrom = backupFile,
): { anchored: boolean } {
  const copy = openBackup(readFrom, nativeBinding);
  try {
    if (!hasAuditLog(copy)) return { anchored: false };
    const walk = verifyAuditChain(copy);
    if (!walk.ok) {
      throw new DomainError(
        'BACKUP_AUDIT_BROKEN',
        `The audit chain of backup ${name} breaks at entry ${walk.firstBrokenId} (${walk.reason})`,
        { name, id: walk.firstBrokenId },
      );
    }
    const { exact, before } = recordedHeads(backupFile, name, dataDir);
    for (const recorded of exact) {
      const mismatch = mismatchWith(copy, recorded);
      if (mismatch) refuse(name, mismatch.reason, recorded.count, walk.count);
      if (walk.count > recorded.count) refuse(name, 'rewritten', recorded.count, walk.count);
    }
    const cut = before && mismatchWith(copy, before);
    if (before && cut) refuse(name, cut.reason, before.count, walk.count);
    return { anchored: exact.length > 0 };
  } finally {
    copy.close();
  }
}
