import { dictionary } from '@zxcvbn-ts/language-common';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../services/errors';

// scrypt at N=2^17, r=8, p=1 needs 128 MiB; Node's default maxmem (32 MiB) would throw.
const LOG2_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAXMEM = 256 * 1024 * 1024;

/** `scrypt$17$8$1$<salt>$<key>`, base64; the parameters travel with the hash so they can be raised later. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, {
    N: 2 ** LOG2_N,
    r: R,
    p: P,
    maxmem: MAXMEM,
  });
  return ['scrypt', LOG2_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: 2 ** Number(logN),
      r: Number(r),
      p: Number(p),
      maxmem: MAXMEM,
    },
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: string | undefined;
/**
 * A hash of a random password: verifying against it costs what a real check costs. Made on first
 * use, not at start-up (a full-cost scrypt would delay every start by most of a second).
 */
export function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}

// The breach-derived list shipped by zxcvbn-ts, plus what is common on Chinese sites and
// absent from that English-centred list.
const COMMON = new Set<string>([
  ...(dictionary['passwords-common'] as string[]),
  '88888888',
  '66666666',
  '11111111',
  '00000000',
  '12344321',
  '147258369',
  '123123123',
  'woaini1314',
  'woaini520',
  '5201314520',
  'aa123456',
  'qq123456',
  'zxcvbnm123',
  'a1234567',
  'abc12345',
]);

/** On the breach-derived list or the Chinese sites' favourites. */
export const isCommonPassword = (password: string): boolean => COMMON.has(password.toLowerCase());

/** Length is checked by the schema; here: not a common password and not the username. */
export function assertAcceptablePassword(password: string, username: string): void {
  if (isCommonPassword(password) || password.toLowerCase() === username.toLowerCase()) {
    throw new DomainError(
      'WEAK_PASSWORD',
      'This password is too common',
      {},
      { password: 'password_common' },
    );
  }
}
