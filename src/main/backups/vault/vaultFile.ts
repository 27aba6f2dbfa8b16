import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from './privateFile';
import type { SecretWrap } from './wrap';

/**
 * Keeps this PC's copy of the data key so scheduled backups and restores need nobody to type:
 * sealed by the operating system where the Electron shell offers it (`safeStorage`: DPAPI on
 * Windows, the keychain on macOS, libsecret on Linux), else as it is in a file only the owner may
 * read. Electron injects the pair; the browser shell has none.
 */
export interface KeyProtection {
  protect(plain: Buffer): Buffer;
  unprotect(sealed: Buffer): Buffer;
}

export type LocalProtection = 'safeStorage' | 'owner-only-file';

/** `<data folder>/backup-key.json`: owner-only whatever the protection. */
export const VAULT_FILE = 'backup-key.json';

export interface VaultRecord {
  format: 1;
  keyId: string;
  /** The wrap under the current recovery key or passphrase, written into each new backup. */
  wrap: SecretWrap;
  createdAt: string;
  changedAt: string;
  local: { protection: LocalProtection; key: string };
}

export const vaultPath = (dataDir: string): string => join(dataDir, VAULT_FILE);

export function readVaultRecord(dataDir: string): VaultRecord | null {
  let text: string;
  try {
    text = readFileSync(vaultPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const record = JSON.parse(text) as VaultRecord;
    return record.format === 1 && typeof record.keyId === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** Written beside, flushed, then renamed over: a crash leaves the old record or the new one. */
export function writeVaultRecord(dataDir: string, record: VaultRecord): void {
  const path = vaultPath(dataDir);
  const temp = `${path}.new`;
  rmSync(temp, { force: true });
  writePrivateFile(temp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temp, path);
}

export function sealLocally(
  dataKey: Buffer,
  protection: KeyProtection | undefined,
): VaultRecord['local'] {
  return protection
    ? { protection: 'safeStorage', key: protection.protect(dataKey).toString('base64') }
    : { protection: 'owner-only-file', key: dataKey.toString('base64') };
}

/** Null when this shell cannot open what another sealed (safeStorage, read by the browser shell). */
export function openLocally(
  local: VaultRecord['local'],
  protection: KeyProtection | undefined,
): Buffer | null {
  try {
    const raw = Buffer.from(local.key, 'base64');
    const key = local.protection === 'safeStorage' ? protection?.unprotect(raw) : raw;
    return key && key.length === 32 ? key : null;
  } catch {
    return null;
  }
}
