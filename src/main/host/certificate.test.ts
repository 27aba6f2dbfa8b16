import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDb';
import { ensureHostCertificate, HOST_CERT_FILE, storedCertificate } from './certificate';

describe('the host certificate', () => {
  let files: ReturnType<typeof makeTempDir>;
  beforeEach(() => (files = makeTempDir()));
  afterEach(() => files.remove());

  it('is made once, names the addresses and names, lasts five years, and is reused', async () => {
    const now = new Date('2026-12-06T08:00:00Z');
    const made = await ensureHostCertificate(
      files.dir,
      { addresses: ['127.0.0.2'], names: ['desk-pc'] },
      now,
    );
    const x509 = new X509Certificate(readFileSync(join(files.dir, HOST_CERT_FILE)));
    expect(made.fingerprint).toBe(x509.fingerprint256);
    expect(x509.checkIP('127.0.0.2')).toBe('127.0.0.2');
    expect(x509.checkHost('desk-pc')).toBe('desk-pc');
    expect(x509.checkIP('127.0.0.3')).toBeUndefined();
    expect(new Date(x509.validTo).getUTCFullYear()).toBe(2031);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.checkPrivateKey(createPrivateKey(made.key))).toBe(true);

    const again = await ensureHostCertificate(
      files.dir,
      { addresses: ['127.0.0.2'], names: [] },
      new Date('2027-06-01T00:00:00Z'),
    );
    expect(again.fingerprint).toBe(made.fingerprint);
    expect(storedCertificate(files.dir)?.fingerprint).toBe(made.fingerprint);
  });

  it('is made anew for an address it does not name, or near its end', async () => {
    const first = await ensureHostCertificate(files.dir, { addresses: ['127.0.0.2'], names: [] });
    const moved = await ensureHostCertificate(files.dir, { addresses: ['127.0.0.3'], names: [] });
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    const late = await ensureHostCertificate(
      files.dir,
      { addresses: ['127.0.0.3'], names: [] },
      new Date(Date.now() + 5 * 365 * 86_400_000 - 86_400_000),
    );
    expect(late.fingerprint).not.toBe(moved.fingerprint);
  });
});
