import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSIONED_TABLES } from '../db/migrations/0015-record-versions';

const MAIN = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('record versions', () => {
  it('every UPDATE of a versioned table in main moves its version on', () => {
    const update = new RegExp(
      `UPDATE\\s+(${VERSIONED_TABLES.join('|')})\\s+SET\\s+([^\`'"]*)`,
      'g',
    );
    const found: string[] = [];
    const missing: string[] = [];
    for (const file of sourceFiles(MAIN)) {
      for (const match of readFileSync(file, 'utf8').matchAll(update)) {
        const where = `${relative(MAIN, file)}: UPDATE ${match[1]}`;
        found.push(where);
        if (!/^version = version \+ 1\b/.test(match[2]!)) missing.push(where);
      }
    }
    // The scan finds the services' updates (rooms, people, readings, items at least).
    expect(found.length).toBeGreaterThanOrEqual(8);
    expect(missing).toEqual([]);
  });
});
