import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { DomainError } from '../../services/errors';

/** What a secret is: a generated recovery key or a passphrase the administrator chose. */
export type SecretKind = 'recovery-key' | 'passphrase';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

/** The data key sealed under a key derived from the secret; travels in every backup's header. */
export interface SecretWrap {
  kind: SecretKind;
  kdf: ScryptParams;
  /** base64: AES-256-GCM nonce, tag and the wrapped 32-byte data key. */
  nonce: string;
  tag: string;
  wrapped: string;
}

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per derivation, about 0.1 s. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
/**
 * A header is read from a file anyone could have written: parameters beyond these would let a
 * crafted backup exhaust memory or time before the key is even tried.
 */
const MAX_N = 2 ** 20;
const MAX_MEMORY = 1024 ** 3;

const AAD = (kind: SecretKind) => Buffer.from(`isd-data-key-wrap:v1:${kind}`);

export function boundedParams(kdf: ScryptParams): boolean {
  const { N, r, p } = kdf;
  return (
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N >= 2 ** 14 &&
    N <= MAX_N &&
    (N & (N - 1)) === 0 &&
    r >= 8 &&
    r <= 32 &&
    p >= 1 &&
    p <= 4 &&
    128 * N * r * p <= MAX_MEMORY
  );
}

function keyEncryptionKey(secret: string, kdf: ScryptParams): Buffer {
  return scryptSync(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 128 * kdf.N * kdf.r * kdf.p + 1024 ** 2,
  });
}

/** Seals the data key under `secret` (a canonical recovery key or a passphrase). */
export function wrapDataKey(dataKey: Buffer, secret: string, kind: SecretKind): SecretWrap {
  const kdf: ScryptParams = { ...DEFAULT_SCRYPT, salt: randomBytes(16).toString('base64') };
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey(secret, kdf), nonce);
  cipher.setAAD(AAD(kind));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    kind,
    kdf,
    nonce: nonce.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

export const wrongKey = (): DomainError =>
  new DomainError(
    'BACKUP_KEY_WRONG',
    'This recovery key or passphrase does not open the backup',
    {},
    { secret: 'backup_key_wrong' },
  );

/** The data key, or BACKUP_KEY_WRONG: GCM's tag tells a wrong secret from the right one. */
export function unwrapDataKey(wrap: SecretWrap, secret: string): Buffer {
  if (!boundedParams(wrap.kdf)) {
    throw new DomainError(
      'BACKUP_DAMAGED',
      'The backup header asks for unreasonable key parameters',
      {
        name: '',
      },
    );
  }
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyEncryptionKey(secret, wrap.kdf),
      Buffer.from(wrap.nonce, 'base64'),
    );
    decipher.setAAD(AAD(wrap.kind));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    const key = Buffer.concat([
      decipher.update(Buffer.from(wrap.wrapped, 'base64')),
      decipher.final(),
    ]);
    if (key.length !== 32) throw wrongKey();
    return key;
  } catch {
    throw wrongKey();
  }
}
