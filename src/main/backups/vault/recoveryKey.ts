import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../services/errors';

/** Crockford's base32: no I, L, O or U, so a handwritten key reads back the same. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20; // 160 random bits: 32 characters
const BODY_CHARS = 32;
const CHECK_CHARS = 4;

function toBase32(bytes: Buffer, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Four characters of SHA-256 over the body: a typo is caught before any scrypt is run. */
const checkOf = (body: string): string =>
  toBase32(createHash('sha256').update(`isd-recovery-key:${body}`).digest(), CHECK_CHARS);

const grouped = (chars: string): string => chars.match(/.{1,4}/g)!.join('-');

/** A new recovery key, as it is shown and printed: `XXXX-XXXX-…` (9 groups, the last a check). */
export function newRecoveryKey(): string {
  const body = toBase32(randomBytes(KEY_BYTES), BODY_CHARS);
  return grouped(body + checkOf(body));
}

/**
 * The key as typed back: case, spaces and dashes do not matter, and the letters people confuse
 * with digits (O, I, L) are read as Crockford reads them. Returns the canonical grouped form, or
 * refuses a key that is the wrong length or fails its check.
 */
export function parseRecoveryKey(typed: string): string {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const body = chars.slice(0, BODY_CHARS);
  const valid = [...chars].every((c) => ALPHABET.includes(c));
  if (!valid || chars.length !== BODY_CHARS + CHECK_CHARS || checkOf(body) !== chars.slice(-4)) {
    throw new DomainError(
      'RECOVERY_KEY_MISTYPED',
      'The recovery key is mistyped (wrong length, a character that is not in keys, or its check does not match)',
      {},
      { secret: 'recovery_key_mistyped' },
    );
  }
  return grouped(chars);
}
