import { describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../testing/tempDb';
import { newRecoveryKey, parseRecoveryKey } from './recoveryKey';

describe('recovery keys', () => {
  it('are 9 groups of 4 characters, 160 random bits and a check, never the same twice', () => {
    const keys = Array.from({ length: 20 }, newRecoveryKey);
    for (const key of keys) {
      expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(key)).toBe(key);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads back what a person types: case, spaces, missing dashes, O for 0 and l for 1', () => {
    const key = newRecoveryKey();
    const typed = key.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'O').replace(/1/g, 'l');
    expect(parseRecoveryKey(`  ${typed} `)).toBe(key);
  });

  it('catches a mistyped character, a missing group or a stray symbol before any key is tried', () => {
    const key = newRecoveryKey();
    const swapped = key[0] === 'A' ? `B${key.slice(1)}` : `A${key.slice(1)}`;
    for (const typo of [swapped, key.slice(0, -5), `${key}-`.replace('-', '#'), `${key}X`]) {
      const error = domainErrorOf(() => parseRecoveryKey(typo));
      expect(error.code).toBe('RECOVERY_KEY_MISTYPED');
      expect(error.fields).toEqual({ secret: 'recovery_key_mistyped' });
    }
  });
});
