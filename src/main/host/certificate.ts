import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const HOST_KEY_FILE = 'host-key.pem';
export const HOST_CERT_FILE = 'host-cert.pem';

/** Long enough that nobody re-checks fingerprints every year; a desk outlives one outbreak. */
const VALID_YEARS = 5;
/** A certificate this close to its end is replaced at the next start of host mode. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

export interface HostCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER, colon hex (`AB:12:…`), as Chrome and Edge show it. */
  fingerprint: string;
}

export const fingerprintOf = (certPem: string): string =>
  new X509Certificate(certPem).fingerprint256;

/** The certificate in the data folder, if there is one that reads. */
export function storedCertificate(dataDir: string): HostCertificate | null {
  const keyFile = join(dataDir, HOST_KEY_FILE);
  const certFile = join(dataDir, HOST_CERT_FILE);
  if (!existsSync(keyFile) || !existsSync(certFile)) return null;
  try {
    const cert = readFileSync(certFile, 'utf8');
    return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
  } catch {
    return null;
  }
}

/** Whether the certificate names every address and name the other PCs will type. */
function covers(certPem: string, addresses: readonly string[], names: readonly string[]): boolean {
  const x509 = new X509Certificate(certPem);
  return (
    addresses.every((a) => x509.checkIP(a) !== undefined) &&
    names.every((n) => x509.checkHost(n) !== undefined)
  );
}

/**
 * The host's certificate: made once (EC P-256, self-signed, five years) and kept in the data
 * folder, readable by its owner only, so its fingerprint stays what the other PCs were told.
 * Made anew only when it does not name an address or name now in use, or is about to end.
 */
export async function ensureHostCertificate(
  dataDir: string,
  wanted: { addresses: readonly string[]; names: readonly string[] },
  now: Date = new Date(),
): Promise<HostCertificate> {
  const stored = storedCertificate(dataDir);
  if (
    stored &&
    covers(stored.cert, wanted.addresses, wanted.names) &&
    new Date(new X509Certificate(stored.cert).validTo).getTime() - now.getTime() > RENEW_BEFORE_MS
  ) {
    return stored;
  }
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS);
  const made = await generate([{ name: 'commonName', value: 'Isolation Site Desk host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...wanted.addresses.map((ip) => ({ type: 7 as const, ip })),
          ...wanted.names.map((value) => ({ type: 2 as const, value })),
        ],
      },
    ],
  });
  // Owner-only from the first byte: the key never exists readable by others, even briefly.
  for (const [file, text] of [
    [HOST_KEY_FILE, made.private],
    [HOST_CERT_FILE, made.cert],
  ] as const) {
    writeFileSync(join(dataDir, file), text, { mode: 0o600 });
    // A file replaced in place keeps its old mode: make sure it is the owner's alone.
    chmodSync(join(dataDir, file), 0o600);
  }
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}
