import Database from 'better-sqlite3';
import { appendFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAnchor } from '../../../shared/accounts';
import { addEntries, forgeChain, forgeChainInFile } from '../../testing/auditTesting';
import { makeTestContext, TEST_NOW, type TestContext } from '../../testing/tempDb';
import { takeBackup } from '../../backups/takeBackup';
import { DomainError } from '../../services/errors';
import { anchorChain } from './anchor';
import { anchorsFileOf, appendAnchorLine, newestAnchor, readAnchors } from './anchorsFile';
import { anchorSidecarOf, assertBackupChainIntact } from './backupAnchor';
import { chainHead } from './head';
import { verifyAuditTrail } from './verify';

const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

describe('audit chain anchors', () => {
  let t: TestContext;
  const db = () => t.ctx.db;
  const anchor = (reason: AuditAnchor['reason'], minutes = 0, source: string | null = null) =>
    anchorChain(t.dir, db(), { reason, source, at: at(minutes) });

  beforeEach(() => {
    t = makeTestContext();
    addEntries(db(), 10);
  });
  afterEach(() => t.close());

  describe('the anchors file', () => {
    it('appends whole lines, owner-only, and reads them back in order', () => {
      anchor('shutdown');
      addEntries(db(), 2);
      anchor('daily_report', 1, '2026-11-29');
      expect(readAnchors(t.dir)).toEqual([
        {
          at: at(0).toISOString(),
          count: 10,
          headHash: expect.any(String),
          reason: 'shutdown',
          source: null,
        },
        {
          at: at(1).toISOString(),
          count: 12,
          headHash: chainHead(db()).headHash,
          reason: 'daily_report',
          source: '2026-11-29',
        },
      ]);
      if (process.platform !== 'win32')
        expect(statSync(anchorsFileOf(t.dir)).mode & 0o777).toBe(0o600);
    });

    it('skips a line a crash cut short, without losing the next one', () => {
      anchor('shutdown');
      appendFileSync(anchorsFileOf(t.dir), '{"at":"2026-11-29T08:0');
      addEntries(db(), 1);
      anchor('shutdown', 1);
      expect(readAnchors(t.dir).map((a) => a.count)).toEqual([10, 11]);
      expect(readFileSync(anchorsFileOf(t.dir), 'utf8').split('\n')).toHaveLength(4);
    });

    it('finds the newest anchor at the end of a long file, past a line cut short', () => {
      const file = anchorsFileOf(t.dir);
      for (let i = 0; i <= 200; i++) {
        appendAnchorLine(file, {
          at: at(i).toISOString(),
          count: i,
          headHash: chainHead(db()).headHash,
          reason: 'shutdown',
          source: null,
        });
      }
      appendFileSync(file, '{"at":"2026-11-29T08:0');
      expect(statSync(file).size).toBeGreaterThan(16 * 1024);
      expect(newestAnchor(t.dir)).toMatchObject({ count: 200 });
      expect(readAnchors(t.dir)).toHaveLength(201);
    });

    it('writes an unchanged head once, except for a backup, which looks up its own line', () => {
      anchor('shutdown');
      anchor('daily_report', 1, '2026-11-29');
      anchor('backup', 2, 'desk-x.sqlite');
      expect(readAnchors(t.dir).map((a) => a.reason)).toEqual(['shutdown', 'backup']);
    });

    it('does not anchor a chain that disagrees with the newest anchor, except for a restore', () => {
      anchor('shutdown');
      forgeChain(db(), (row) => row.id <= 7);
      expect(anchor('daily_report', 1, '2026-11-29')).toBeNull();
      expect(anchor('backup', 2, 'desk-x.sqlite')).toBeNull();
      expect(readAnchors(t.dir)).toHaveLength(1);
      expect(anchor('restore', 3, 'desk-y.sqlite')).toMatchObject({ count: 7 });
    });
  });

  describe('verify against the newest anchor', () => {
    it('is ok when the chain holds and reaches at least as far as the anchor', () => {
      anchor('shutdown');
      addEntries(db(), 3);
      expect(verifyAuditTrail(t.ctx)).toMatchObject({
        ok: true,
        count: 13,
        anchor: { count: 10, reason: 'shutdown' },
      });
    });

    it('names a chain cut short and re-hashed as truncated, with both counts', () => {
      anchor('shutdown');
      forgeChain(db(), (row) => row.id <= 6);
      expect(verifyAuditTrail(t.ctx)).toMatchObject({
        ok: false,
        reason: 'truncated',
        count: 6,
        anchor: { count: 10, at: at(0).toISOString() },
      });
    });

    it('names entries removed from the middle and the rest re-hashed as rewritten', () => {
      anchor('shutdown');
      forgeChain(db(), (row) => row.id !== 4);
      addEntries(db(), 5);
      expect(verifyAuditTrail(t.ctx)).toMatchObject({
        ok: false,
        reason: 'rewritten',
        count: 14,
        firstBrokenId: 10,
        anchor: { count: 10 },
      });
    });

    it('reports a fault of the chain itself first, and says when there is no anchor yet', () => {
      expect(verifyAuditTrail(t.ctx)).toEqual({ ok: true, count: 10, anchor: null });
      anchor('shutdown');
      db().exec('DROP TRIGGER audit_log_no_delete');
      db().prepare('DELETE FROM audit_log WHERE id = 3').run();
      expect(verifyAuditTrail(t.ctx)).toMatchObject({
        ok: false,
        reason: 'missing_rows',
        firstBrokenId: 4,
      });
    });
  });

  describe('backups', () => {
    const backUp = (minutes: number) =>
      takeBackup(db(), t.dir, { kind: 'manual', now: () => at(minutes) });

    it('records the head of the copy beside it and in the anchors file', async () => {
      const info = await backUp(1);
      const file = `${t.dir}/backups/${info.name}`;
      const sidecar = JSON.parse(readFileSync(anchorSidecarOf(file), 'utf8')) as AuditAnchor;
      expect(sidecar).toEqual({ ...readAnchors(t.dir).at(-1), source: info.name, count: 10 });
      expect(assertBackupChainIntact(file, info.name, t.dir)).toEqual({ anchored: true });
    });

    it('refuses a backup whose chain was cut or rewritten, by its sidecar or by the anchors file', async () => {
      const info = await backUp(1);
      const file = `${t.dir}/backups/${info.name}`;
      forgeChainInFile(file, (row) => row.id <= 8);
      const refusal = () => assertBackupChainIntact(file, info.name, t.dir);
      expect(refusal).toThrow(DomainError);
      try {
        refusal();
      } catch (error) {
        expect(error).toMatchObject({
          code: 'BACKUP_AUDIT_MISMATCH',
          params: { name: info.name, reason: 'truncated', recorded: 10, found: 8 },
        });
      }
      // Whoever also deletes the sidecar is still caught by the anchors file's line.
      rmSync(anchorSidecarOf(file));
      expect(refusal).toThrow(/truncated/);
    });
    it('refuses a backup taken of a chain already cut (its own head unanchored), by the anchor before it', async () => {
      anchor('shutdown', 0);
      forgeChain(db(), (row) => row.id <= 4);
      const info = await backUp(5);
      expect(readAnchors(t.dir).map((a) => a.reason)).toEqual(['shutdown']);
      const file = `${t.dir}/backups/${info.name}`;
      expect(() => assertBackupChainIntact(file, info.name, t.dir)).toThrow(
        expect.objectContaining({
          code: 'BACKUP_AUDIT_MISMATCH',
          params: { name: info.name, reason: 'truncated', recorded: 10, found: 4 },
        }),
      );
    });

    it('refuses a backup whose chain does not walk clean, naming the entry', async () => {
      const info = await backUp(1);
      const file = `${t.dir}/backups/${info.name}`;
      const raw = new Database(file);
      raw.exec('DROP TRIGGER audit_log_no_update');
      raw.prepare("UPDATE audit_log SET detail = 'nothing' WHERE id = 6").run();
      raw.close();
      expect(() => assertBackupChainIntact(file, info.name, t.dir)).toThrow(
        expect.objectContaining({
          code: 'BACKUP_AUDIT_BROKEN',
          params: { name: info.name, id: 6 },
        }),
      );
    });
  });
});
