import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LICENCE } from '../../shared/licence';

describe('LICENCE', () => {
  it('is the licence package.json names', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string };
    expect(LICENCE).toBe(pkg.license);
  });
});
