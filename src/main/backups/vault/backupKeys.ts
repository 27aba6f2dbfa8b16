import { randomBytes } from 'node:crypto';
import type { BackupEncryption } from '../../../shared/backups';
import { DomainError } from '../../services/errors';
import { newRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { keyIdOf, type SealedHeader } from './sealedFile';
import {
  openLocally,
  readVaultRecord,
  sealLocally,
  writeVaultRecord,
  type KeyProtection,
  type VaultRecord,
} from './vaultFile';
import { unwrapDataKey, wrapDataKey, type SecretKind, type SecretWrap } from './wrap';

/** What a new backup is sealed with. */
export interface SealingKey {
  dataKey: Buffer;
  wrap: SecretWrap;
}

/**
 * The desk's backup keys: one random data key for the life of the desk, wrapped under the current
 * recovery key or passphrase (that wrap goes into each new backup) and kept for this PC (see
 * vaultFile). A new recovery key or passphrase re-wraps the same data key: on this PC every backup
 * still opens without typing; elsewhere a backup opens with the secret current when it was taken.
 */
export class BackupKeys {
  constructor(
    private readonly dataDir: string,
    private readonly protection?: KeyProtection,
  ) {}

  status(): BackupEncryption {
    const record = readVaultRecord(this.dataDir);
    if (!record) return { encrypted: false, kind: null, protection: null, changedAt: null };
    return {
      encrypted: true,
      kind: record.wrap.kind,
      protection: record.local.protection,
      changedAt: record.changedAt,
    };
  }

  /** Null until a recovery key or passphrase exists: backups stay plain until then. */
  sealing(): SealingKey | null {
    const record = readVaultRecord(this.dataDir);
    const dataKey = record && this.localKey(record);
    return record && dataKey ? { dataKey, wrap: record.wrap } : null;
  }

  /** A new recovery key, returned once (it is kept nowhere): the caller shows it. */
  createRecoveryKey(now: Date): string {
    const key = newRecoveryKey();
    this.rewrap(key, 'recovery-key', now);
    return key;
  }

  /** Length and the password rules are checked by the caller. */
  setPassphrase(passphrase: string, now: Date): void {
    this.rewrap(passphrase, 'passphrase', now);
  }

  /**
   * The data key that opens a backup with this header: this PC's own when it sealed it, else the
   * one unwrapped with the typed secret (BACKUP_KEY_NEEDED when none was typed).
   */
  keyFor(header: SealedHeader, name: string, secret?: string): Buffer {
    const record = readVaultRecord(this.dataDir);
    const local = record && record.keyId === header.keyId ? this.localKey(record) : null;
    if (local) return local;
    if (!secret) {
      throw new DomainError(
        'BACKUP_KEY_NEEDED',
        `The backup ${name} is encrypted with a key this PC does not hold; type its recovery key or passphrase`,
        { name, kind: header.wrap.kind },
      );
    }
    const typed = header.wrap.kind === 'recovery-key' ? parseRecoveryKey(secret) : secret;
    const dataKey = unwrapDataKey(header.wrap, typed);
    if (keyIdOf(dataKey) !== header.keyId) {
      throw new DomainError('BACKUP_DAMAGED', `The backup ${name} is damaged: key id`, { name });
    }
    return dataKey;
  }

  /**
   * A restore on a PC with no key of its own takes the backup's: later backups here are sealed
   * with the same data key under the same secret, so the same sheet opens them.
   */
  adopt(header: SealedHeader, dataKey: Buffer, now: Date): void {
    if (readVaultRecord(this.dataDir)) return;
    const at = now.toISOString();
    writeVaultRecord(this.dataDir, {
      format: 1,
      keyId: header.keyId,
      wrap: header.wrap,
      createdAt: at,
      changedAt: at,
      local: sealLocally(dataKey, this.protection),
    });
  }

  private localKey(record: VaultRecord): Buffer | null {
    const key = openLocally(record.local, this.protection);
    return key && keyIdOf(key) === record.keyId ? key : null;
  }

  private rewrap(secret: string, kind: SecretKind, now: Date): void {
    const record = readVaultRecord(this.dataDir);
    const existing = record && this.localKey(record);
    if (record && !existing) {
      throw new DomainError(
        'BACKUP_KEY_NEEDED',
        'The backup key kept for this PC cannot be read here, so it cannot be re-wrapped',
        { name: '', kind: record.wrap.kind },
      );
    }
    const dataKey = existing ?? randomBytes(32);
    const at = now.toISOString();
    writeVaultRecord(this.dataDir, {
      format: 1,
      keyId: keyIdOf(dataKey),
      wrap: wrapDataKey(dataKey, secret, kind),
      createdAt: record?.createdAt ?? at,
      changedAt: at,
      local: sealLocally(dataKey, this.protection),
    });
  }
}
