import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainErrorOf, makeTempDir, TEST_NOW } from '../../testing/tempDb';
import { BackupKeys } from './backupKeys';
import { keyIdOf, type SealedHeader } from './sealedFile';
import { vaultPath, type KeyProtection } from './vaultFile';

/** What Electron's safeStorage does, with a key of the operating system's that no file holds. */
function systemProtection(): KeyProtection {
  const systemKey = randomBytes(32);
  return {
    protect(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', systemKey, iv);
      return Buffer.concat([iv, cipher.update(plain), cipher.final()]);
    },
    unprotect(sealed) {
      const decipher = createDecipheriv('aes-256-cbc', systemKey, sealed.subarray(0, 16));
      return Buffer.concat([decipher.update(sealed.subarray(16)), decipher.final()]);
    },
  };
}

const headerOf = (keys: BackupKeys): SealedHeader => {
  const sealing = keys.sealing()!;
  return {
    keyId: keyIdOf(sealing.dataKey),
    wrap: sealing.wrap,
    chunkSize: 1024 ** 2,
    salt: '',
    noncePrefix: '',
    plainSize: 0,
  };
};

describe("this PC's copy of the backup key", () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = makeTempDir()));
  afterEach(() => remove());

  it('is sealed by the system where the shell offers it, and then no other shell opens it', () => {
    const keys = new BackupKeys(dir, systemProtection());
    const recoveryKey = keys.createRecoveryKey(TEST_NOW);
    expect(keys.status()).toMatchObject({ encrypted: true, protection: 'safeStorage' });
    const dataKey = keys.sealing()!.dataKey;
    const file = readFileSync(vaultPath(dir), 'utf8');
    expect(file).not.toContain(dataKey.toString('base64'));
    expect(file).not.toContain(recoveryKey);

    // The browser shell on the same folder: no system key, so the recovery key is asked for.
    const browser = new BackupKeys(dir);
    expect(browser.sealing()).toBeNull();
    const header = headerOf(keys);
    expect(domainErrorOf(() => browser.keyFor(header, 'b.isdbak')).code).toBe('BACKUP_KEY_NEEDED');
    expect(browser.keyFor(header, 'b.isdbak', recoveryKey).equals(dataKey)).toBe(true);
  });

  it('stays the same data key through new recovery keys and passphrases', () => {
    const keys = new BackupKeys(dir);
    expect(keys.sealing()).toBeNull();
    keys.createRecoveryKey(TEST_NOW);
    const first = keys.sealing()!;
    expect(keys.status().protection).toBe('owner-only-file');
    keys.setPassphrase('濠河边的隔离点-2026', new Date(TEST_NOW.getTime() + 1000));
    const second = keys.sealing()!;
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(second.wrap).not.toEqual(first.wrap);
    expect(keys.status()).toMatchObject({
      kind: 'passphrase',
      changedAt: new Date(TEST_NOW.getTime() + 1000).toISOString(),
    });
    expect(
      domainErrorOf(() => new BackupKeys(join(dir, 'another-pc')).keyFor(headerOf(keys), 'b', 'x'))
        .code,
    ).toBe('BACKUP_KEY_WRONG');
  });
});
