import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerification, ExportedFile } from '../../shared/accounts';
import type { Building, Floor, Room, Site } from '../../shared/domain';
import {
  auditRows,
  discardPendingCapture,
  errorOf,
  sessionFor,
  type AuditRowRaw,
} from '../testing/authTesting';
import { ID_MASKED, ID_NUMBER, MOBILE, MOBILE_MASKED } from '../testing/personalNumbers';
import { addUser, TEST_NOW } from '../testing/tempDb';
import { closeAuditTrail, openAuditTrail, STEP, type AuditTrail } from '../testing/auditTrail';
import { GENESIS_HASH, rowHash } from './audit';
import { updateSecuritySettings } from './settings';
import { maskIdNumber } from '../services/masking';

describe('audit trail', () => {
  let trail: AuditTrail;
  let t: AuditTrail['t'];
  let tr: AuditTrail['tr'];
  let invoke: AuditTrail['invoke'];
  let call: AuditTrail['call'];
  let advance: AuditTrail['advance'];
  let page: AuditTrail['page'];
  let rawFile: AuditTrail['rawFile'];
  let buildRoom: AuditTrail['buildRoom'];

  beforeEach(() => {
    trail = openAuditTrail();
    ({ t, tr, invoke, call, advance, page, rawFile, buildRoom } = trail);
  });
  afterEach(() => closeAuditTrail(trail));

  describe('the hash chain', () => {
    let ids: Awaited<ReturnType<typeof buildRoom>>;

    beforeEach(async () => {
      ids = await buildRoom();
      await call('rooms.setStatus', { id: ids.room, status: 'out_of_service', reason: 'leak' });
      await call('sites.update', { id: ids.site, name: 'Haohe 2', address: 'Nantong' });
    });

    const verify = () => call<AuditVerification>('audit.verify', {});

    it('holds for an untouched log', async () => {
      const rows = auditRows(t);
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      expect(await verify()).toEqual({ ok: true, count: rows.length, anchor: null });
    });

    it('names the first altered row when changes are edited behind its back', async () => {
      const target = auditRows(t).find(
        (r) => r.method === 'rooms.setStatus' && r.entity === 'room',
      )!;
      rawFile('DROP TRIGGER audit_log_no_update');
      rawFile(
        'UPDATE audit_log SET changes = ? WHERE id = ?',
        '{"status":["available","available"]}',
        target.id,
      );
      expect(await verify()).toEqual({
        ok: false,
        count: target.id - 1,
        firstBrokenId: target.id,
        reason: 'altered',
        anchor: null,
      });
    });

    it('names the first altered row when a detail is edited', async () => {
      const target = auditRows(t).find((r) => r.detail === 'insert' && r.entity === 'floor')!;
      rawFile('DROP TRIGGER audit_log_no_update');
      rawFile("UPDATE audit_log SET detail = 'nothing happened' WHERE id = ?", target.id);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenId: target.id,
        reason: 'altered',
      });
    });

    it('notices a re-hashed forgery at the next row’s link', async () => {
      const rows = auditRows(t);
      const target = rows[2]!;
      const forged = { ...target, username: 'someone-else' };
      rawFile('DROP TRIGGER audit_log_no_update');
      rawFile(
        'UPDATE audit_log SET username = ?, hash = ? WHERE id = ?',
        forged.username,
        rowHash(target.prev_hash, forged),
        target.id,
      );
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenId: target.id + 1,
        reason: 'broken_link',
      });
    });

    it('names the row after a deleted one', async () => {
      const rows = auditRows(t);
      const middle = rows[Math.floor(rows.length / 2)]!;
      rawFile('DROP TRIGGER audit_log_no_delete');
      rawFile('DELETE FROM audit_log WHERE id = ?', middle.id);
      expect(await verify()).toEqual({
        ok: false,
        count: middle.id - 1,
        firstBrokenId: middle.id + 1,
        reason: 'missing_rows',
        anchor: null,
      });
    });
  });

  describe('masking personal numbers', () => {
    it('never writes a full resident ID or mobile number into the audit trail', async () => {
      const name = `隔离点 ${ID_NUMBER}`;
      const address = `联系人电话 ${MOBILE}，身份证 ${ID_NUMBER.toLowerCase()}`;
      const site = await call<Site>('sites.create', { name, address });
      // The registry keeps what was typed; only the trail is masked.
      expect(site).toMatchObject({ name, address });
      await call('sites.update', { id: site.id, name: `${name} B`, address });

      const rows = auditRows(t);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(ID_NUMBER.toLowerCase());
      expect(text).not.toContain(MOBILE);
      expect(text).toContain(ID_MASKED);
      expect(text).toContain(MOBILE_MASKED);

      const created = (await page({ filter: { method: 'sites.create' } })).rows[0]!;
      expect(created.changes.name).toEqual([null, `隔离点 ${ID_MASKED}`]);
      expect(created.changes.address).toEqual([
        null,
        `联系人电话 ${MOBILE_MASKED}，身份证 ${maskIdNumber(ID_NUMBER.toLowerCase())}`,
      ]);

      const file = await call<ExportedFile>('audit.export', { format: 'csv' });
      const csv = Buffer.from(file.base64, 'base64').toString('utf8');
      expect(csv).not.toContain(ID_NUMBER);
      expect(csv).not.toContain(MOBILE);
      expect(csv).toContain(ID_MASKED);
    });
  });

  describe('reading the trail', () => {
    let coordId: number;
    let viewerId: number;
    let all: AuditRowRaw[];

    /**
     * 08:00 chief creates the site; 09:00 coord a building; 10:00 coord a floor and a room;
     * 11:00 viewer is refused; 12:00 coord takes the room out of service.
     */
    beforeEach(async () => {
      // Long idle lock: the sessions below sit idle between their calls.
      updateSecuritySettings(t.ctx, { idleLockMinutes: 240, sessionMaxHours: 24 });
      discardPendingCapture(t);
      coordId = addUser(t, 'coord', ['coordinator']);
      viewerId = addUser(t, 'viewer', ['viewer']);
      const coord = sessionFor(tr, coordId);
      const viewer = sessionFor(tr, viewerId);
      const site = await call<Site>('sites.create', { name: 'Haohe' });
      advance(STEP);
      const b = await call<Building>(
        'buildings.create',
        { siteId: site.id, code: 'A', name: 'Main' },
        coord,
      );
      advance(STEP);
      const f = await call<Floor>('floors.create', { buildingId: b.id, level: 2 }, coord);
      const r = await call<Room>(
        'rooms.create',
        { floorId: f.id, number: 'A-201', capacity: 1, type: 'single' },
        coord,
      );
      advance(STEP);
      expect(errorOf(await invoke('sites.create', { name: 'X' }, viewer)).code).toBe('FORBIDDEN');
      advance(STEP);
      await call('rooms.setStatus', { id: r.id, status: 'out_of_service', reason: 'leak' }, coord);
      all = auditRows(t);
      expect(all).toHaveLength(7);
    });

    /** Every row through the router, following the cursor, checking order and page size. */
    const walk = async (filter: Record<string, unknown>, limit: number): Promise<AuditEntry[]> => {
      const rows: AuditEntry[] = [];
      let cursor: number | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const p = await page({ filter, limit, ...(cursor ? { cursor } : {}) });
        expect(p.rows.length).toBeLessThanOrEqual(limit);
        rows.push(...p.rows);
        if (p.nextCursor === null) return rows;
        expect(p.rows).toHaveLength(limit);
        expect(p.nextCursor).toBe(p.rows.at(-1)!.id);
        cursor = p.nextCursor;
      }
      throw new Error('the cursor walk does not end');
    };
    const idsWhere = (keep: (r: AuditRowRaw) => boolean): number[] =>
      all
        .filter(keep)
        .map((r) => r.id)
        .reverse();

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const first = await page({ limit: 3 });
      expect(first.rows.map((r) => r.id)).toEqual([7, 6, 5]);
      expect(first.nextCursor).toBe(5);
      const second = await page({ limit: 3, cursor: 5 });
      expect(second.rows.map((r) => r.id)).toEqual([4, 3, 2]);
      const last = await page({ limit: 3, cursor: 2 });
      expect(last).toMatchObject({ nextCursor: null });
      expect(last.rows.map((r) => r.id)).toEqual([1]);

      for (const limit of [1, 2, 7, 50]) {
        expect(
          (await walk({}, limit)).map((r) => r.id),
          `limit ${limit}`,
        ).toEqual(idsWhere(() => true));
      }
      expect((await page({})).rows).toHaveLength(7);
      expect(errorOf(await invoke('audit.page', { limit: 101 })).code).toBe('INVALID_INPUT');
    });

    it('filters by user, method (a prefix stops at the dot), entity and outcome', async () => {
      const byUser = await walk({ userId: coordId }, 2);
      expect(byUser.map((r) => r.id)).toEqual(idsWhere((r) => r.user_id === coordId));
      expect(byUser).toHaveLength(5);

      const rooms = await walk({ method: 'rooms' }, 2);
      expect(rooms.map((r) => r.method)).toEqual([
        'rooms.setStatus',
        'rooms.setStatus',
        'rooms.create',
      ]);
      expect((await walk({ method: 'rooms.create' }, 5)).map((r) => r.method)).toEqual([
        'rooms.create',
      ]);
      for (const method of ['room', 'rooms.', 'ooms', '%', 'rooms_create', 'rooms%', '_ooms']) {
        expect(await walk({ method }, 5), method).toEqual([]);
      }

      expect((await walk({ entity: 'room' }, 5)).map((r) => r.id)).toEqual(
        idsWhere((r) => r.entity === 'room'),
      );
      const denied = await walk({ outcome: 'denied' }, 5);
      expect(denied).toEqual([
        expect.objectContaining({ userId: viewerId, method: 'sites.create', outcome: 'denied' }),
      ]);
      expect(await walk({ userId: coordId, outcome: 'denied' }, 5)).toEqual([]);
      expect(
        (await walk({ userId: coordId, method: 'rooms', entity: 'room_status' }, 5)).map(
          (r) => r.entity,
        ),
      ).toEqual(['room_status']);
    });

    it('filters by time: from inclusive, to exclusive, in any offset', async () => {
      const at = (steps: number) => new Date(TEST_NOW.getTime() + steps * STEP).toISOString();
      const between = async (from: string, to: string) =>
        (await walk({ from, to }, 3)).map((r) => r.id);
      expect(await between(at(1), at(3))).toEqual(idsWhere((r) => r.at >= at(1) && r.at < at(3)));
      expect(await between(at(1), at(3))).toHaveLength(3);
      // 16:10 in Beijing is 08:10 UTC.
      expect(await between('2026-11-29T16:10:00+08:00', '2026-11-29T16:30:00+08:00')).toEqual(
        await between(at(1), at(3)),
      );
      expect((await walk({ from: at(4) }, 5)).map((r) => r.method)).toEqual([
        'rooms.setStatus',
        'rooms.setStatus',
      ]);
      expect((await walk({ to: at(0) }, 5)).length).toBe(0);
      expect(errorOf(await invoke('audit.page', { filter: { from: 'yesterday' } })).code).toBe(
        'INVALID_INPUT',
      );
    });

    it('is only for those who may read the audit', async () => {
      const coord = sessionFor(tr, coordId);
      for (const [method, input] of [
        ['audit.page', {}],
        ['audit.verify', {}],
        ['audit.export', { format: 'csv' }],
      ] as const) {
        expect(errorOf(await invoke(method, input, coord)).code, method).toBe('FORBIDDEN');
      }
    });
  });
});
