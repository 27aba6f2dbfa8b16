import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { addEntries, auditRowsOf } from '../../testing/auditTesting';
import { makeTestContext, TEST_NOW, type TestContext } from '../../testing/tempDb';
import { verifyAuditChain, type AuditRow } from '../audit';
import { carryAuditEntries, commonPrefix } from './carry';
import { chainHead } from './head';

/** The parts of an entry that say what happened (not where in a chain it sits). */
const content = (row: AuditRow): Partial<AuditRow> =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !CHAIN_PLACE.includes(key)));
const CHAIN_PLACE = ['id', 'prev_hash', 'hash'];

describe('carrying the audit trail into a restored database', () => {
  let live: TestContext;
  let restored: Db;

  /** The backup: a real SQLite copy of the live file as it is now, opened as the restored database. */
  const backUp = async (): Promise<Db> => {
    const file = join(live.dir, 'restored.sqlite');
    await live.ctx.db.backup(file);
    return openDatabase(file);
  };

  beforeEach(() => {
    live = makeTestContext();
    addEntries(live.ctx.db, 5, 'before.backup');
  });
  afterEach(() => {
    if (restored?.open) restored.close();
    live.close();
  });

  it('appends the entries written since the backup as they were, so the chain goes on', async () => {
    restored = await backUp();
    addEntries(live.ctx.db, 3, 'since.backup');

    expect(carryAuditEntries(live.ctx.db, restored, TEST_NOW)).toEqual({
      kind: 'appended',
      fromId: 6,
      toId: 8,
    });
    expect(auditRowsOf(restored)).toEqual(auditRowsOf(live.ctx.db));
    expect(verifyAuditChain(restored)).toEqual({ ok: true, count: 8 });
  });

  it('re-chains them behind a marker naming the old ids and head when the chains have parted', async () => {
    restored = await backUp();
    addEntries(restored, 2, 'only.in.backup');
    addEntries(live.ctx.db, 3, 'only.in.live');
    const liveHead = chainHead(live.ctx.db);
    expect(commonPrefix(live.ctx.db, restored)).toBe(5);

    expect(carryAuditEntries(live.ctx.db, restored, TEST_NOW)).toEqual({
      kind: 'rechained',
      commonCount: 5,
      oldFrom: 6,
      oldTo: 8,
      oldHead: liveHead.headHash,
      markerId: 8,
      newFrom: 9,
      newTo: 11,
    });
    const rows = auditRowsOf(restored);
    expect(verifyAuditChain(restored)).toEqual({ ok: true, count: 11 });
    expect(rows[7]).toMatchObject({ method: 'audit.carry' });
    expect(rows[7]!.detail).toContain('#6–#8');
    expect(rows[7]!.detail).toContain(liveHead.headHash);
    expect(rows.slice(8).map(content)).toEqual(auditRowsOf(live.ctx.db).slice(5).map(content));
    expect(rows.slice(5, 7).map((r) => r.method)).toEqual(['only.in.backup', 'only.in.backup']);
  });

  it('carries nothing when the restored chain already holds all of the previous one', async () => {
    addEntries(live.ctx.db, 1, 'last');
    restored = await backUp();
    addEntries(restored, 2, 'after');
    const before = auditRowsOf(restored);
    expect(carryAuditEntries(live.ctx.db, restored, TEST_NOW)).toEqual({ kind: 'nothing' });
    expect(auditRowsOf(restored)).toEqual(before);
  });

  it('finds the common prefix of chains of any length, both empty included', async () => {
    restored = await backUp();
    expect(commonPrefix(live.ctx.db, restored)).toBe(5);
    addEntries(live.ctx.db, 40, 'a');
    addEntries(restored, 17, 'b');
    expect(commonPrefix(live.ctx.db, restored)).toBe(5);
    expect(commonPrefix(restored, live.ctx.db)).toBe(5);
    const empty = makeTestContext();
    try {
      expect(commonPrefix(empty.ctx.db, restored)).toBe(0);
    } finally {
      empty.close();
    }
  });
});
