import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../app';
import { memoryHandle } from '../accounts/sessionStore';
import { DATABASE_FILE } from '../platform/dataDir';
import { manualTimer, seedDemoWithAdmin } from '../testing/backupTesting';
import { prng } from '../testing/prng';
import { capturingLogger, makeTempDir, makeTestContext, TEST_NOW } from '../testing/tempDb';
import { writeBackup } from './writer';

interface Damage {
  label: string;
  /** Byte offset and the bytes written there. */
  offset: number;
  bytes: Buffer;
}

interface UsedPage {
  pageno: number;
  name: string;
  pagetype: string;
}

/**
 * 100 different damages, each on a page that holds data (from dbstat: table and index b-trees,
 * interior, leaf and overflow pages) or on page 1 (the file header and the schema): damage in
 * unused space is not damage to the data, and SQLite rightly does not report it.
 */
function damages(pages: UsedPage[], pageSize: number, next: () => number): Damage[] {
  const noise = (n: number) =>
    Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
  const header: Damage[] = [
    { label: 'magic string', offset: 0, bytes: Buffer.from('SQLite format 9\0') },
    { label: 'magic zeroed', offset: 0, bytes: Buffer.alloc(16) },
    { label: 'page size 3', offset: 16, bytes: Buffer.from([0x00, 0x03]) },
    { label: 'page size 1000', offset: 16, bytes: Buffer.from([0x03, 0xe8]) },
    { label: 'write version 9', offset: 18, bytes: Buffer.from([9, 9]) },
    { label: 'payload fractions', offset: 21, bytes: Buffer.from([0, 0, 0]) },
    { label: 'header noise', offset: 0, bytes: noise(100) },
    { label: 'schema page header', offset: 100, bytes: noise(12) },
    { label: 'schema page body', offset: 100, bytes: noise(pageSize - 100) },
    { label: 'page 1 whole', offset: 0, bytes: noise(pageSize) },
  ];
  // Spread the other 90 over every kind of used page, never page 1 (covered above).
  const others = pages.filter((p) => p.pageno !== 1);
  const byKind = new Map<string, UsedPage[]>();
  for (const page of others)
    byKind.set(page.pagetype, [...(byKind.get(page.pagetype) ?? []), page]);
  const picked: UsedPage[] = [];
  const kinds = [...byKind.values()];
  for (let i = 0; picked.length < 90; i++) {
    const list = kinds[i % kinds.length]!;
    const page = list[Math.floor(next() * list.length)]!;
    if (!picked.some((p) => p.pageno === page.pageno) || picked.length >= others.length) {
      picked.push(page);
    }
  }
  const styles = [
    (p: UsedPage): Damage => ({
      label: `${p.pagetype} ${p.name} p${p.pageno} random`,
      offset: (p.pageno - 1) * pageSize,
      bytes: noise(pageSize),
    }),
    (p: UsedPage): Damage => ({
      label: `${p.pagetype} ${p.name} p${p.pageno} zeroed`,
      offset: (p.pageno - 1) * pageSize,
      bytes: Buffer.alloc(pageSize),
    }),
    (p: UsedPage): Damage => ({
      label: `${p.pagetype} ${p.name} p${p.pageno} 0xff`,
      offset: (p.pageno - 1) * pageSize,
      bytes: Buffer.alloc(pageSize, 0xff),
    }),
  ];
  return [...header, ...picked.map((p, i) => styles[i % styles.length]!(p))];
}

describe('100 damaged copies of a database', () => {
  const { dir, remove } = makeTempDir();
  let template: string;
  let cases: Damage[];

  beforeAll(async () => {
    const t = makeTestContext();
    try {
      seedDemoWithAdmin(t.ctx.db);
      // A self-contained copy (no -wal) with every page in the one file.
      template = join(
        dir,
        (await writeBackup(t.ctx.db, dir, { kind: 'manual', now: TEST_NOW })).name,
      );
    } finally {
      t.close();
    }
    const db = new Database(template, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db
      .prepare('SELECT DISTINCT pageno, name, pagetype FROM dbstat ORDER BY pageno')
      .all() as UsedPage[];
    db.close();
    cases = damages(pages, pageSize, prng(20261129));
  });
  afterAll(() => remove());

  it('detects every one at start, sets it aside, opens recovery, and never crashes', async () => {
    expect(cases).toHaveLength(100);
    expect(new Set(cases.map((c) => c.label)).size).toBe(100);
    const missed: string[] = [];
    const crashed: string[] = [];
    for (const [i, damage] of cases.entries()) {
      const dataDir = join(dir, `case-${i}`);
      mkdirSync(dataDir);
      const file = join(dataDir, DATABASE_FILE);
      copyFileSync(template, file);
      const fd = openSync(file, 'r+');
      writeSync(fd, damage.bytes, 0, damage.bytes.length, damage.offset);
      closeSync(fd);
      try {
        const core = await startCore({
          dataDir,
          shell: 'browser',
          logger: capturingLogger(),
          now: () => new Date(TEST_NOW),
          timer: manualTimer,
        });
        try {
          if (!core.damage) missed.push(damage.label);
          else {
            const answer = await core.router.invoke('sites.list', {}, memoryHandle());
            expect(answer).toMatchObject({ ok: false, error: { code: 'RECOVERY_MODE' } });
            expect(existsSync(file)).toBe(false);
            expect(readdirSync(dataDir).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
          }
        } finally {
          core.close();
        }
      } catch (error) {
        crashed.push(`${damage.label}: ${String(error)}`);
      }
    }
    expect(crashed).toEqual([]);
    expect(missed).toEqual([]);
  });
});
