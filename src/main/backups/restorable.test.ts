import Database from 'better-sqlite3';
import { appendFileSync, copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../shared/fileLimits';
import { domainErrorOf, makeTempDir } from '../testing/tempDb';
import { zip, workbookParts } from '../testing/hostileFiles/zip';
import { openRestorable } from './restorable';

const name = (minute: number) =>
  `desk-2026-11-29T07-${String(minute).padStart(2, '0')}-00-000Z-manual.sqlite`;

describe('a backup offered for restore is checked before SQLite opens it', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => {
    ({ dir, remove } = makeTempDir());
    const db = new Database(join(dir, name(0)));
    db.pragma('user_version = 1');
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('崇川区')");
    db.close();
  });
  afterEach(() => remove());
  const refusal = (file: string) => {
    const error = domainErrorOf(() => openRestorable(dir, file, dir));
    return { code: error.code, params: error.params, message: error.message };
  };

  it('takes a sound backup', () => {
    expect(openRestorable(dir, name(0), dir).path).toBe(join(dir, name(0)));
  });

  it('refuses a file that is not SQLite, or not whole pages, by its header', () => {
    writeFileSync(join(dir, name(1)), zip(workbookParts()));
    expect(refusal(name(1))).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining('not an SQLite database'),
    });
    writeFileSync(join(dir, name(2)), 'SQLite format 3');
    expect(refusal(name(2))).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining('15 bytes is no SQLite database'),
    });
    copyFileSync(join(dir, name(0)), join(dir, name(3)));
    appendFileSync(join(dir, name(3)), Buffer.alloc(100));
    expect(refusal(name(3))).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining('not a whole number'),
    });
  });

  it('refuses a backup past the size limit without reading it', () => {
    copyFileSync(join(dir, name(0)), join(dir, name(4)));
    // Sparse: a header that looks sound, then nothing written, 4 GB and one page.
    truncateSync(join(dir, name(4)), FILE_LIMITS.backup_gb * 1024 ** 3 + 4096);
    const started = performance.now();
    expect(refusal(name(4))).toMatchObject({
      code: 'FILE_REFUSED',
      params: { reason: 'backup_gb', limit: FILE_LIMITS.backup_gb },
    });
    // Safety bound only: opening it would read gigabytes.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
