import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../shared/accounts';
import { contract, type MethodName } from '../../shared/contract';
import type { Building, Floor, Room, Site } from '../../shared/domain';
import type { ArrivalBatch, BatchMember } from '../../shared/people';
import type { RosterGrid } from '../../shared/roster';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { slotVersionOf } from '../roster/slotVersion';
import { auditRows, errorOf, lastAuditId, sessionFor, valueOf } from '../testing/authTesting';
import { person, withWrongCheckChar } from '../testing/peopleTesting';
import { seedDataDir, startTestCore } from '../testing/backupTesting';
import {
  addUser,
  countRows,
  makeTempDir,
  makeTestContext,
  makeTestRouter,
  TEST_NOW,
  TEST_PASSWORD,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { closeAuditTrail, openAuditTrail, STEP, type AuditTrail } from '../testing/auditTrail';
import { PURGE_PHRASES } from '../../shared/privacy';

describe('audit trail', () => {
  let trail: AuditTrail;
  let t: AuditTrail['t'];
  let tr: AuditTrail['tr'];
  let chiefId: AuditTrail['chiefId'];
  let chief: AuditTrail['chief'];
  let invoke: AuditTrail['invoke'];
  let call: AuditTrail['call'];
  let advance: AuditTrail['advance'];
  let page: AuditTrail['page'];
  let buildRoom: AuditTrail['buildRoom'];

  beforeEach(() => {
    trail = openAuditTrail();
    ({ t, tr, chiefId, chief, invoke, call, advance, page, buildRoom } = trail);
  });
  afterEach(() => closeAuditTrail(trail));

  describe('what is recorded', () => {
    it('records who, when, the method, the entity and each field before → after', async () => {
      const ids = await buildRoom();
      advance(STEP);
      const before = lastAuditId(t);
      await call('rooms.setStatus', { id: ids.room, status: 'out_of_service', reason: 'leak' });

      const { rows } = await page({ filter: { method: 'rooms.setStatus' } });
      expect(rows.map((r) => r.id).every((id) => id > before)).toBe(true);
      const when = new Date(TEST_NOW.getTime() + STEP).toISOString();
      expect(when).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const room = rows.find((r) => r.entity === 'room');
      expect(room).toEqual({
        id: expect.any(Number),
        at: when,
        userId: chiefId,
        username: 'chief',
        method: 'rooms.setStatus',
        outcome: 'ok',
        entity: 'room',
        entityId: ids.room,
        changes: {
          status: ['available', 'out_of_service'],
          status_reason: [null, 'leak'],
        },
        detail: null,
      });
      expect(room!.changes).not.toHaveProperty('updated_at');
      const log = rows.find((r) => r.entity === 'room_status');
      expect(log).toMatchObject({
        at: when,
        userId: chiefId,
        detail: 'insert',
        changes: {
          room_id: [null, ids.room],
          from_status: [null, 'available'],
          to_status: [null, 'out_of_service'],
          reason: [null, 'leak'],
        },
      });
      expect(rows).toHaveLength(2);

      // A creation lists every field it set, from null.
      const created = (await page({ filter: { method: 'rooms.create' } })).rows;
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        entity: 'room',
        entityId: ids.room,
        detail: 'insert',
        at: TEST_NOW.toISOString(),
        changes: {
          number: [null, 'A-201'],
          capacity: [null, 1],
          type: [null, 'single'],
          status: [null, 'available'],
        },
      });
      expect(created[0]!.changes).not.toHaveProperty('updated_at');
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);

      // An update that changes nothing but updated_at leaves no row for the room, only one for
      // the call itself.
      const { version } = await call<Room>('rooms.get', { id: ids.room });
      const beforeNoop = lastAuditId(t);
      await call('rooms.update', {
        id: ids.room,
        expectedVersion: version,
        number: 'A-201',
        capacity: 1,
        type: 'single',
        features: [],
        notes: '',
      });
      expect(auditRows(t, beforeNoop)).toEqual([
        expect.objectContaining({
          method: 'rooms.update',
          outcome: 'ok',
          user_id: chiefId,
          entity: null,
          entity_id: null,
          changes: '{}',
        }),
      ]);
    });

    it('leaves an audit row for every write method in the contract', async () => {
      const writes = (Object.keys(contract) as MethodName[]).filter(
        (m) => contract[m].kind === 'write',
      );
      const covered = new Set<string>();
      const expectAudited = async (
        method: MethodName,
        input: unknown,
        handle: SessionHandle,
        router: TestRouter = tr,
        ctx: TestContext = t,
      ): Promise<unknown> => {
        const before = lastAuditId(ctx);
        const result = await router.router.invoke(method, input, handle);
        const value = valueOf(result);
        const rows = auditRows(ctx, before);
        expect(rows.length, method).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.method, method).toBe(method);
          expect(row.outcome, method).toBe('ok');
          expect(row.user_id, method).not.toBeNull();
        }
        covered.add(method);
        return value;
      };

      // First run, on a database of its own.
      const fresh = makeTestContext();
      try {
        await expectAudited(
          'setup.initialize',
          {
            admin: { username: 'first', displayName: 'First', password: 'Haohe-river-2026' },
            site: { kind: 'new', name: 'Fresh', address: '' },
          },
          memoryHandle(),
          makeTestRouter(fresh),
          fresh,
        );
      } finally {
        fresh.close();
      }

      const me = memoryHandle();
      await expectAudited('auth.login', { username: 'chief', password: TEST_PASSWORD }, me);
      const demo = (await expectAudited('demo.load', {}, me)) as { siteId: number };
      const demoRoom = (number: string): number =>
        t.ctx.db
          .prepare(
            'SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE b.site_id = ? AND r.number = ?',
          )
          .pluck()
          .get(demo.siteId, number) as number;
      await expectAudited(
        'settings.updateObservation',
        { observationDays: 14, allowUnrelatedSharing: false },
        me,
      );
      const batch = (await expectAudited(
        'arrivals.create',
        { siteId: demo.siteId, label: 'Bus 1', arrivedAt: TEST_NOW.toISOString() },
        me,
      )) as ArrivalBatch;
      const [him, her] = (await expectAudited(
        'arrivals.register',
        { batchId: batch.id, people: [person(), person({ gender: 'female' })] },
        me,
      )) as BatchMember[];
      await expectAudited(
        'allocation.confirm',
        {
          batchId: batch.id,
          lines: [
            { stayId: him!.stayId, roomId: demoRoom('A-802') },
            { stayId: her!.stayId, roomId: demoRoom('A-803') },
          ],
        },
        me,
      );
      await expectAudited('stays.extend', { id: him!.stayId, days: 3, reason: 'fever' }, me);
      await expectAudited(
        'stays.move',
        { id: him!.stayId, roomId: demoRoom('A-804'), reason: 'air conditioning' },
        me,
      );
      await expectAudited('stays.checkOut', { id: her!.stayId, kind: 'release' }, me);
      await expectAudited(
        'rooms.disinfect',
        {
          roomId: demoRoom('A-802'),
          operator: 'Wang',
          performedAt: TEST_NOW.toISOString(),
          agent: 'chlorine',
          concentration: '500 mg/L',
        },
        me,
      );
      await expectAudited('people.reveal', { personId: him!.personId }, me);
      await expectAudited(
        'people.setBirthDate',
        {
          personId: him!.personId,
          birthDate: person().birthDate!,
          expectedVersion: t.ctx.db
            .prepare('SELECT version FROM people WHERE id = ?')
            .pluck()
            .get(him!.personId),
        },
        me,
      );
      await expectAudited('prints.releaseNotice', { stayId: her!.stayId }, me);
      const [noShow] = (
        valueOf(
          await tr.router.invoke(
            'arrivals.register',
            { batchId: batch.id, people: [person()] },
            me,
          ),
        ) as BatchMember[]
      ).filter((m) => m.status === 'registered');
      await expectAudited('stays.cancel', { id: noShow!.stayId, reason: 'did not come' }, me);
      await expectAudited(
        'readings.record',
        { stayId: him!.stayId, day: '2026-11-29', slot: 1, temperature: 38.2, expectedVersion: 0 },
        me,
      );
      const caseId = t.ctx.db.prepare('SELECT id FROM fever_cases').pluck().get() as number;
      await expectAudited('fever.recheck', { caseId, temperature: 38.0 }, me);
      await expectAudited(
        'fever.transfer',
        {
          caseId,
          hospital: 'Third Hospital',
          departedAt: TEST_NOW.toISOString(),
          escort: 'Dr Chen',
          vehicle: 'Ambulance 3',
        },
        me,
      );
      await expectAudited('reports.dailyExport', { siteId: demo.siteId, day: '2026-11-29' }, me);
      await expectAudited(
        'reports.dayFileExport',
        { siteId: demo.siteId, day: '2026-11-29', format: 'csv' },
        me,
      );
      await expectAudited(
        'settings.updateHealth',
        {
          roundTimes: ['08:00', '15:00'],
          roundWindowMinutes: 120,
          feverThresholdTenths: 373,
          recheckMinutes: 30,
          restartRoommatesObservation: true,
        },
        me,
      );
      const nurseA = (await expectAudited(
        'staff.create',
        { fullName: 'Nurse A', role: 'nurse' },
        me,
      )) as { id: number };
      await expectAudited(
        'staff.update',
        { id: nurseA.id, fullName: 'Nurse A.', role: 'nurse', maxHoursWeek: 40 },
        me,
      );
      const nurseB = (await expectAudited(
        'staff.create',
        { fullName: 'Nurse B', role: 'nurse' },
        me,
      )) as { id: number };
      const [leave] = (await expectAudited(
        'staff.addUnavailability',
        {
          staffId: nurseB.id,
          startsAt: '2026-12-20T00:00:00+08:00',
          endsAt: '2026-12-21T00:00:00+08:00',
          reason: 'leave',
        },
        me,
      )) as { id: number }[];
      await expectAudited('staff.removeUnavailability', { id: leave!.id }, me);
      await expectAudited(
        'staff.import',
        { rows: [{ line: 3, fullName: 'Nurse C', role: 'nurse', phone: '13962810101' }] },
        me,
      );
      const dayShift = (await expectAudited(
        'shifts.create',
        { siteId: demo.siteId, name: 'Day', start: '08:00', end: '16:00' },
        me,
      )) as { id: number };
      const post = (await expectAudited(
        'posts.create',
        { siteId: demo.siteId, name: 'Medical', roles: ['nurse'], headCount: 1, templateIds: [] },
        me,
      )) as { id: number };
      await expectAudited(
        'posts.update',
        {
          id: post.id,
          name: 'Medical',
          roles: ['nurse'],
          headCount: 1,
          templateIds: [dayShift.id],
        },
        me,
      );
      const period = (await expectAudited(
        'roster.createPeriod',
        { siteId: demo.siteId, startsOn: '2026-11-30', endsOn: '2026-11-30' },
        me,
      )) as { id: number };
      const assigned = (await expectAudited(
        'roster.assign',
        {
          periodId: period.id,
          postId: post.id,
          templateId: dayShift.id,
          day: '2026-11-30',
          staffId: nurseA.id,
          // An empty slot's version, as the grid shows it before anyone is on it.
          expectedSlotVersion: slotVersionOf(
            { postId: post.id, templateId: dayShift.id, day: '2026-11-30' },
            [],
          ),
        },
        me,
      )) as RosterGrid;
      await expectAudited(
        'roster.unassign',
        {
          assignmentId: assigned.slots[0]!.assignments[0]!.id,
          expectedSlotVersion: assigned.slots[0]!.version,
        },
        me,
      );
      const filled = (await expectAudited('roster.autoFill', { periodId: period.id }, me)) as {
        grid: RosterGrid;
      };
      const onDuty = filled.grid.slots[0]!.assignments[0]!;
      await expectAudited(
        'roster.swap',
        {
          assignmentId: onDuty.id,
          staffId: onDuty.staffId === nurseA.id ? nurseB.id : nurseA.id,
          expectedSlotVersion: filled.grid.slots[0]!.version,
        },
        me,
      );
      await expectAudited('roster.publish', { periodId: period.id }, me);
      await expectAudited('roster.dutySheet', { periodId: period.id, day: '2026-11-30' }, me);
      await expectAudited('roster.export', { periodId: period.id }, me);
      await expectAudited('staff.setActive', { id: nurseB.id, active: false }, me);
      await expectAudited('settings.updateRoster', { minRestHours: 10 }, me);
      await expectAudited('settings.updateStock', { stockExpiryDays: 45 }, me);
      await expectAudited('settings.updateReceiptBackdate', { receiptBackdateDays: 90 }, me);
      const gloves = (await expectAudited(
        'stock.createItem',
        { name: 'Gloves', category: 'ppe', baseUnit: 'pair', units: [{ unit: 'box', factor: 50 }] },
        me,
      )) as { id: number; version: number };
      await expectAudited(
        'stock.updateItem',
        {
          id: gloves.id,
          expectedVersion: gloves.version,
          name: 'Gloves',
          category: 'ppe',
          baseUnit: 'pair',
          lowThreshold: 100,
          units: [{ unit: 'box', factor: 50 }],
        },
        me,
      );
      const receipt = (await expectAudited(
        'stock.receive',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          source: 'donation',
          party: { kind: 'individual', name: 'A citizen' },
          lines: [{ itemId: gloves.id, quantity: 2, unit: 'box' }],
        },
        me,
      )) as { id: number };
      await expectAudited(
        'stock.issue',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          destinationKind: 'floor',
          destination: '3F',
          lines: [{ itemId: gloves.id, quantity: 10, unit: 'pair' }],
        },
        me,
      );
      await expectAudited(
        'stock.adjust',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          reason: 'count',
          lines: [{ itemId: gloves.id, quantity: -1 }],
        },
        me,
      );
      const spare = (await expectAudited(
        'stock.receive',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          source: 'allocation',
          lines: [{ itemId: gloves.id, quantity: 5, unit: 'pair' }],
        },
        me,
      )) as { id: number };
      await expectAudited('stock.reverse', { documentId: spare.id, reason: 'typo' }, me);
      await expectAudited(
        'stock.stocktake',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          reason: 'monthly count',
          counts: [{ itemId: gloves.id, counted: 80 }],
        },
        me,
      );
      await expectAudited(
        'stock.reportExport',
        { siteId: demo.siteId, from: '2026-11-01', to: '2026-11-29', format: 'csv' },
        me,
      );
      await expectAudited(
        'stock.importReceipt',
        {
          siteId: demo.siteId,
          occurredAt: TEST_NOW.toISOString(),
          source: 'donation',
          party: { kind: 'company', name: 'A company' },
          lines: [{ row: 2, name: 'latex gloves', itemId: gloves.id, quantity: 1, unit: 'box' }],
        },
        me,
      );
      await expectAudited(
        'stock.importRegister',
        {
          siteId: demo.siteId,
          source: 'donation',
          receivedOn: '2026-11-28',
          lines: [
            {
              row: 3,
              name: 'latex gloves',
              itemId: gloves.id,
              quantity: 1,
              unit: 'box',
              donor: '王志美',
              donorKind: 'individual',
            },
          ],
        },
        me,
      );
      await expectAudited('stock.registerTemplate', { format: 'xlsx' }, me);
      await expectAudited(
        'stock.donationsExport',
        { siteId: demo.siteId, from: '2026-11-01', to: '2026-11-29', format: 'xlsx' },
        me,
      );
      await expectAudited('stock.expiryExport', { siteId: demo.siteId, format: 'csv' }, me);
      await expectAudited(
        'stock.cardExport',
        {
          siteId: demo.siteId,
          itemId: gloves.id,
          from: '2026-11-01T00:00:00Z',
          to: '2026-12-01T00:00:00Z',
          format: 'xlsx',
        },
        me,
      );
      const station = (await expectAudited(
        'stock.createLocation',
        { siteId: demo.siteId, name: '3F station' },
        me,
      )) as { id: number };
      const sent = (await expectAudited(
        'stock.transfer',
        {
          siteId: demo.siteId,
          toLocationId: station.id,
          occurredAt: TEST_NOW.toISOString(),
          lines: [{ itemId: gloves.id, quantity: 5, unit: 'pair' }],
        },
        me,
      )) as { id: number };
      await expectAudited('stock.reverse', { documentId: sent.id, reason: 'wrong floor' }, me);
      await expectAudited(
        'supply.setNorms',
        { siteId: demo.siteId, itemId: gloves.id, lines: [{ basis: 'staff_shift', quantity: 2 }] },
        me,
      );
      await expectAudited('supply.requestExport', { siteId: demo.siteId }, me);
      await expectAudited('stock.archiveLocation', { siteId: demo.siteId, id: station.id }, me);
      await expectAudited('stock.archiveItem', { id: gloves.id }, me);
      expect(receipt.id).toBeGreaterThan(0);
      const site = (await expectAudited('sites.create', { name: 'Second' }, me)) as Site;
      await expectAudited('sites.update', { id: site.id, name: 'Second B', address: 'x' }, me);
      const b = (await expectAudited(
        'buildings.create',
        { siteId: site.id, code: 'A', name: 'Main' },
        me,
      )) as Building;
      await expectAudited('buildings.update', { id: b.id, code: 'A', name: 'Main 2' }, me);
      const f = (await expectAudited('floors.create', { buildingId: b.id, level: 2 }, me)) as Floor;
      await expectAudited('floors.update', { id: f.id, name: 'Two' }, me);
      const r = (await expectAudited(
        'rooms.create',
        { floorId: f.id, number: 'A-201', capacity: 1, type: 'single' },
        me,
      )) as Room;
      await expectAudited(
        'rooms.update',
        {
          id: r.id,
          expectedVersion: r.version,
          number: 'A-201',
          capacity: 2,
          type: 'double',
          features: [],
          notes: 'n',
        },
        me,
      );
      await expectAudited(
        'rooms.bulkCreate',
        {
          buildingId: b.id,
          floorFrom: 3,
          floorTo: 3,
          roomFrom: 1,
          roomTo: 2,
          capacity: 1,
          type: 'single',
        },
        me,
      );
      await expectAudited(
        'rooms.setStatus',
        { id: r.id, status: 'out_of_service', reason: 'leak' },
        me,
      );
      const a301 = t.ctx.db
        .prepare("SELECT id FROM rooms WHERE number = 'A-301' AND building_id = ?")
        .pluck()
        .get(b.id) as number;
      await expectAudited('rooms.delete', { id: a301 }, me);
      await expectAudited('rooms.retire', { id: r.id }, me);
      await expectAudited('floors.retire', { id: f.id }, me);
      await expectAudited('buildings.retire', { id: b.id }, me);
      await expectAudited('sites.retire', { id: site.id }, me);
      await expectAudited('settings.setLanguage', { language: 'en' }, me);
      await expectAudited(
        'settings.updateSecurity',
        { idleLockMinutes: 20, sessionMaxHours: 10 },
        me,
      );
      const nurse = (await expectAudited(
        'users.create',
        { username: 'nurse', displayName: 'N', password: 'Haohe-river-2026', roles: ['medical'] },
        me,
      )) as { id: number };
      await expectAudited(
        'users.update',
        { id: nurse.id, displayName: 'Nurse', roles: ['medical', 'viewer'] },
        me,
      );
      await expectAudited('users.setDisabled', { id: nurse.id, disabled: true }, me);
      await expectAudited(
        'users.resetPassword',
        { id: nurse.id, password: 'Another-river-2026' },
        me,
      );
      const otherDesk = sessionFor(tr, chiefId);
      await expectAudited('sessions.end', { id: tr.sessions.get(otherDesk.token)!.id }, me);
      await expectAudited('audit.export', { format: 'csv' }, me);
      await expectAudited(
        'archive.export',
        { domain: 'rooms', protection: { kind: 'plain', protectMyself: true } },
        me,
      );
      await expectAudited('privacy.setRetention', { days: 30 }, me);
      await expectAudited(
        'privacy.purge',
        { cutoffDay: '2026-10-30', phrase: PURGE_PHRASES.en },
        me,
      );
      await expectAudited('auth.lock', {}, me);
      await expectAudited('auth.unlock', { password: TEST_PASSWORD }, me);
      await expectAudited(
        'auth.changePassword',
        { current: TEST_PASSWORD, next: 'Chief-river-2026' },
        me,
      );
      await expectAudited('auth.logout', {}, me);

      // Backups act on the running core's database file: a core of their own.
      const data = makeTempDir();
      seedDataDir(data.dir);
      const tc = await startTestCore(data.dir);
      try {
        const admin = await tc.signIn();
        const coreRouter = { router: tc.core.router } as TestRouter;
        // The database behind the core changes with a restore: always ask for the current one.
        const coreDb = {
          ctx: {
            get db() {
              return tc.core.db;
            },
          },
        } as unknown as TestContext;
        await expectAudited(
          'backups.updateSettings',
          { folder: '', intervalMinutes: 15 },
          admin,
          coreRouter,
          coreDb,
        );
        // Host mode needs the core's listener control; turned off, nothing is opened.
        await expectAudited(
          'host.set',
          { enabled: false, address: '', port: 8443, names: ['desk-pc'] },
          admin,
          coreRouter,
          coreDb,
        );
        const backup = (await expectAudited('backups.create', {}, admin, coreRouter, coreDb)) as {
          name: string;
        };
        await expectAudited('backups.restore', { name: backup.name }, admin, coreRouter, coreDb);
        const again = await tc.signIn();
        await expectAudited('backups.createRecoveryKey', {}, again, coreRouter, coreDb);
        await expectAudited(
          'backups.setPassphrase',
          { passphrase: '濠河边的隔离点-2026' },
          again,
          coreRouter,
          coreDb,
        );
      } finally {
        tc.core.close();
        data.remove();
      }

      expect(writes.filter((m) => !covered.has(m))).toEqual([]);
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);
      // The password change above ended chief's other sessions: verify in a fresh one. The purge
      // among the methods resealed the chain and anchored its new head.
      const again = sessionFor(tr, chiefId);
      expect(valueOf<AuditVerification>(await invoke('audit.verify', {}, again))).toMatchObject({
        ok: true,
        count: countRows(t.ctx, 'audit_log'),
        anchor: { reason: 'purge' },
      });
    });

    it('leaves no row for a read', async () => {
      const ids = await buildRoom();
      const batch = await call<ArrivalBatch>('arrivals.create', {
        siteId: ids.site,
        label: 'Bus 1',
        arrivedAt: TEST_NOW.toISOString(),
      });
      const [member] = await call<BatchMember[]>('arrivals.register', {
        batchId: batch.id,
        people: [person()],
      });
      await call('allocation.confirm', {
        batchId: batch.id,
        lines: [{ stayId: member!.stayId, roomId: ids.room }],
      });
      const stockItemId = (
        await call<{ id: number }>('stock.createItem', {
          name: 'Soap',
          category: 'living',
          baseUnit: 'bar',
        })
      ).id;
      const stockDocumentId = (
        await call<{ id: number }>('stock.receive', {
          siteId: ids.site,
          occurredAt: TEST_NOW.toISOString(),
          source: 'donation',
          party: { kind: 'individual', name: 'A citizen' },
          lines: [{ itemId: stockItemId, quantity: 3, unit: 'bar' }],
        })
      ).id;
      const staffId = (await call<{ id: number }>('staff.create', { fullName: 'N', role: 'nurse' }))
        .id;
      const shiftId = (
        await call<{ id: number }>('shifts.create', {
          siteId: ids.site,
          name: 'Day',
          start: '08:00',
          end: '16:00',
        })
      ).id;
      const postId = (
        await call<{ id: number }>('posts.create', {
          siteId: ids.site,
          name: 'Gate',
          roles: ['security'],
          headCount: 1,
          templateIds: [shiftId],
        })
      ).id;
      const periodId = (
        await call<{ id: number }>('roster.createPeriod', {
          siteId: ids.site,
          startsOn: '2026-11-30',
          endsOn: '2026-12-06',
        })
      ).id;
      const before = lastAuditId(t);
      const reads: [string, unknown][] = [
        ['app.info', {}],
        ['settings.get', {}],
        ['auth.status', {}],
        ['sites.list', {}],
        ['buildings.list', { siteId: ids.site }],
        ['floors.list', { buildingId: ids.building }],
        ['rooms.get', { id: ids.room }],
        ['rooms.page', { siteId: ids.site }],
        ['rooms.board', { siteId: ids.site }],
        ['rooms.statusHistory', { roomId: ids.room }],
        ['users.list', {}],
        ['sessions.list', {}],
        ['audit.page', {}],
        ['audit.verify', {}],
        ['privacy.purgePreview', {}],
        ['origins.list', {}],
        ['arrivals.list', { siteId: ids.site }],
        ['arrivals.members', { batchId: batch.id }],
        ['allocation.suggest', { batchId: batch.id }],
        ['rooms.occupants', { roomId: ids.room }],
        ['stays.get', { id: member!.stayId }],
        ['residents.page', { siteId: ids.site }],
        ['people.history', { personId: member!.personId }],
        ['prints.occupancy', { buildingId: ids.building }],
        ['rounds.sheet', { siteId: ids.site, day: '2026-11-29', slot: 1 }],
        ['rounds.summary', { siteId: ids.site, day: '2026-11-29' }],
        ['readings.ofStay', { stayId: member!.stayId }],
        ['fever.list', { siteId: ids.site }],
        ['reports.daily', { siteId: ids.site, day: '2026-11-29' }],
        ['today.overview', { siteId: ids.site }],
        [
          'reports.districtSummary',
          { files: [{ fileName: 'day.json', base64: Buffer.from('{}').toString('base64') }] },
        ],
        ['print.toPdf', { filename: 'report.pdf' }],
        ['backups.list', {}],
        ['backups.status', {}],
        ['host.get', {}],
        ['host.status', {}],
        ['staff.list', {}],
        [
          'staff.importPreview',
          {
            fileName: 'staff.csv',
            base64: Buffer.from('姓名,岗位\nNurse D,护士\n').toString('base64'),
          },
        ],
        ['staff.importTemplate', {}],
        ['posts.list', { siteId: ids.site }],
        ['shifts.list', { siteId: ids.site }],
        ['roster.periods', { siteId: ids.site }],
        ['stock.items', {}],
        [
          'stock.importPreview',
          {
            fileName: 'donations.csv',
            base64: Buffer.from('物资名称,数量,单位\nSoap,5,bar\n').toString('base64'),
          },
        ],
        ['stock.donations', { siteId: ids.site, from: '2026-11-01', to: '2026-11-29' }],
        ['stock.traceDonation', { documentId: stockDocumentId }],
        ['stock.report', { siteId: ids.site, from: '2026-11-01', to: '2026-11-29' }],
        ['stock.onHand', { siteId: ids.site }],
        ['supply.norms', { siteId: ids.site }],
        ['supply.forecast', { siteId: ids.site }],
        ['stock.locations', { siteId: ids.site }],
        ['stock.planIssue', { siteId: ids.site, itemId: stockItemId, quantity: 1 }],
        ['stock.document', { id: stockDocumentId }],
        [
          'stock.card',
          {
            siteId: ids.site,
            itemId: stockItemId,
            from: '2026-11-01T00:00:00Z',
            to: '2026-12-01T00:00:00Z',
          },
        ],
        ['staff.unavailability', { staffId: staffId }],
        ['roster.grid', { periodId }],
        ['roster.candidates', { periodId, postId, templateId: shiftId, day: '2026-11-30' }],
        ['arrivals.importTemplate', {}],
        [
          'arrivals.importPreview',
          {
            batchId: batch.id,
            fileName: 'arrivals.csv',
            base64: Buffer.from('姓名,性别\n张三,男\n').toString('base64'),
          },
        ],
      ];
      // A window that can print itself to PDF (as Electron's can).
      const printing = { printToPdf: () => Promise.resolve(Buffer.from('%PDF-1.7')) };
      for (const [method, input] of reads) {
        expect(await tr.router.invoke(method, input, chief, printing), method).toMatchObject({
          ok: true,
        });
      }
      expect(
        (Object.keys(contract) as MethodName[]).filter(
          (m) => contract[m].kind === 'read' && !reads.some(([r]) => r === m),
        ),
      ).toEqual([]);
      expect(lastAuditId(t)).toBe(before);
    });

    it('leaves no row and no data for a refused write', async () => {
      const ids = await buildRoom();
      const batch = await call<ArrivalBatch>('arrivals.create', {
        siteId: ids.site,
        label: 'Bus 1',
        arrivedAt: TEST_NOW.toISOString(),
      });
      const before = lastAuditId(t);
      const sites = countRows(t.ctx, 'sites');
      const good = person();
      const bad = { ...person(), documentNumber: withWrongCheckChar(person().documentNumber) };
      const refusals: [string, unknown, string][] = [
        ['sites.create', { name: 'Haohe' }, 'DUPLICATE'],
        ['rooms.setStatus', { id: ids.room, status: 'out_of_service' }, 'REASON_REQUIRED'],
        ['rooms.setStatus', { id: ids.room, status: 'occupied' }, 'INVALID_STATUS_TRANSITION'],
        ['floors.create', { buildingId: 999, level: 3 }, 'NOT_FOUND'],
        ['sites.create', { name: 'Bad', extra: 1 }, 'INVALID_INPUT'],
        ['arrivals.register', { batchId: batch.id, people: [good, bad] }, 'INVALID_INPUT'],
        [
          'allocation.confirm',
          { batchId: batch.id, lines: [{ stayId: 999, roomId: ids.room }] },
          'STAY_NOT_OPEN',
        ],
        ['stays.extend', { id: 999, days: 2, reason: 'fever' }, 'NOT_FOUND'],
        [
          'rooms.disinfect',
          {
            roomId: ids.room,
            operator: 'Wang',
            performedAt: TEST_NOW.toISOString(),
            agent: 'chlorine',
            concentration: '500 mg/L',
          },
          'INVALID_STATUS_TRANSITION',
        ],
      ];
      for (const [method, input, code] of refusals) {
        expect(errorOf(await invoke(method, input)).code, method).toBe(code);
      }
      expect(lastAuditId(t)).toBe(before);
      expect(countRows(t.ctx, 'sites')).toBe(sites);
      expect(countRows(t.ctx, 'room_status_log')).toBe(0);
      expect(countRows(t.ctx, 'floors')).toBe(1);
      for (const table of ['people', 'stays', 'stay_events', 'disinfections']) {
        expect(countRows(t.ctx, table), table).toBe(0);
      }
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);
    });

    it('records denied calls: forbidden, signed out, and expired', async () => {
      const viewerId = addUser(t, 'viewer', ['viewer']);
      const viewer = sessionFor(tr, viewerId);
      const before = lastAuditId(t);

      expect(errorOf(await invoke('sites.create', { name: 'X' }, viewer)).code).toBe('FORBIDDEN');
      expect(errorOf(await invoke('users.list', {}, viewer)).code).toBe('FORBIDDEN');
      expect(errorOf(await invoke('audit.page', {}, memoryHandle())).code).toBe('UNAUTHENTICATED');
      const stale = memoryHandle('0123456789abcdef0123456789abcdef');
      expect(errorOf(await invoke('sites.list', {}, stale)).code).toBe('SESSION_EXPIRED');

      const rows = auditRows(t, before);
      expect(rows).toEqual([
        expect.objectContaining({
          user_id: viewerId,
          username: 'viewer',
          method: 'sites.create',
          outcome: 'denied',
          detail: 'needs registry.manage',
          at: TEST_NOW.toISOString(),
        }),
        expect.objectContaining({
          user_id: viewerId,
          method: 'users.list',
          outcome: 'denied',
          detail: 'needs users.manage',
        }),
        expect.objectContaining({
          user_id: null,
          username: null,
          method: 'audit.page',
          outcome: 'denied',
          detail: 'signed out',
        }),
        expect.objectContaining({
          user_id: null,
          method: 'sites.list',
          outcome: 'denied',
          detail: 'session expired',
        }),
      ]);
      expect(countRows(t.ctx, 'sites')).toBe(0);
      const denied = (await page({ filter: { outcome: 'denied' } })).rows;
      expect(denied.map((r) => r.method)).toEqual([
        'sites.list',
        'audit.page',
        'users.list',
        'sites.create',
      ]);
    });
  });
});
