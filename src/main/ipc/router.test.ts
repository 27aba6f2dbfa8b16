import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { SCHEMA_VERSION } from '../db/migrations';
import { DomainError } from '../services/errors';
import { createSite } from '../registry/sites';
import {
  auditRows,
  discardPendingCapture,
  lastAuditId,
  sessionFor,
  tableCounts,
  tableNames,
} from '../testing/authTesting';
import {
  addUser,
  countRows,
  makeTestContext,
  makeTestRouter,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';
import { handlers, type Handlers } from './handlers';
import type { Router } from './router';

/** Things that look like a stack trace: `at fn (file.ts:1:2)` or `at file.ts:1:2`. */
const STACK_FRAME = /\bat\s+(?:\S+\s+\()?[^\s()]+:\d+:\d+/;

function expectNoStack(envelope: unknown): void {
  const text = JSON.stringify(envelope);
  expect(text).not.toContain('"stack"');
  expect(text).not.toMatch(STACK_FRAME);
  expect(text).not.toContain('router.test');
}

function deeplyNested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('router', () => {
  let t: TestContext;
  let tr: TestRouter;
  let logger: TestRouter['logger'];
  let router: Router;
  /** A signed-in coordinator: may read and manage the registry. */
  let coord: SessionHandle;
  let coordId: number;

  /** A router with other handlers over the same database, and a coordinator signed in to it. */
  const customRouter = (custom: Handlers): { router: Router; handle: SessionHandle } => {
    const other = makeTestRouter(t, custom);
    logger = other.logger;
    return { router: other.router, handle: sessionFor(other, coordId) };
  };

  beforeEach(() => {
    t = makeTestContext();
    coordId = addUser(t, 'coord', ['coordinator']);
    tr = makeTestRouter(t);
    logger = tr.logger;
    router = tr.router;
    coord = sessionFor(tr, coordId);
    discardPendingCapture(t);
  });
  afterEach(() => t.close());

  it('answers a valid call with ok and the value', async () => {
    const created = await router.invoke('sites.create', { name: '  Haohe  ' }, coord);
    expect(created).toEqual({
      ok: true,
      value: { id: expect.any(Number), name: 'Haohe', address: '', retiredAt: null },
    });
    expect(await router.invoke('sites.list', {}, coord)).toEqual({
      ok: true,
      value: [(created as { value: unknown }).value],
    });
    expect(await router.invoke('app.info', {}, coord)).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        schemaVersion: SCHEMA_VERSION,
        runtime: { node: process.versions.node },
        dataDir: t.dir,
        shell: 'browser',
        hasSite: true,
        needsSetup: false,
        readOnly: false,
        diskFull: false,
        recovery: false,
      },
    });
    expect(logger.entries).toEqual([]);
  });

  it('passes a domain refusal through with its code, params and fields', async () => {
    await router.invoke('sites.create', { name: 'Haohe' }, coord);
    const before = lastAuditId(t);
    const result = await router.invoke('sites.create', { name: 'Haohe' }, coord);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'DUPLICATE',
        message: expect.any(String),
        params: { value: 'Haohe' },
        fields: { name: 'duplicate' },
      },
    });
    expectNoStack(result);
    expect(logger.entries).toEqual([]);
    expect(countRows(t.ctx, 'sites')).toBe(1);
    // A refused write is rolled back with its audit rows.
    expect(lastAuditId(t)).toBe(before);
    expect(countRows(t.ctx, 'audit_pending')).toBe(0);
  });

  describe('session and permission, before the input is looked at', () => {
    it('answers UNAUTHENTICATED to a caller without a session, even for malformed input', async () => {
      const nobody = memoryHandle();
      for (const input of [{ name: 'Haohe' }, { name: 42 }, null]) {
        expect(await router.invoke('sites.create', input, nobody)).toEqual({
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
        });
      }
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });

    it('answers FORBIDDEN to a signed-in user without the permission, even for malformed input', async () => {
      const viewer = sessionFor(tr, addUser(t, 'viewer', ['viewer']));
      expect(await router.invoke('sites.list', {}, viewer)).toMatchObject({ ok: true });
      for (const input of [{ name: 'Haohe' }, { name: 42 }]) {
        expect(await router.invoke('sites.create', input, viewer)).toEqual({
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: expect.any(String),
            params: { permission: 'registry.manage' },
          },
        });
      }
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });

    it('lets anyone call the public methods', async () => {
      expect(await router.invoke('app.info', {}, memoryHandle())).toMatchObject({
        ok: true,
        value: { needsSetup: false },
      });
      expect(await router.invoke('auth.status', {}, memoryHandle())).toMatchObject({
        ok: true,
        value: { state: 'signedOut', user: null },
      });
    });
  });

  describe('hostile calls', () => {
    const unknownMethods: unknown[] = [
      'nope',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'sites.create ',
      'SITES.CREATE',
      42,
      null,
      undefined,
      {},
      ['sites.create'],
    ];

    const validSite = { name: 'Site', address: '' };
    const invalidCalls: [string, string, unknown][] = [
      ['wrong type', 'sites.create', { name: 42 }],
      ['wrong id type', 'sites.update', { id: '1', name: 'x' }],
      ['negative id', 'sites.retire', { id: -1 }],
      ['fractional id', 'sites.retire', { id: 1.5 }],
      ['missing fields', 'sites.create', {}],
      ['missing room fields', 'rooms.create', { floorId: 1 }],
      ['extra key', 'sites.create', { ...validSite, admin: true }],
      ['extra key on a read', 'sites.list', { includeRetired: false, sql: 'DROP TABLE sites' }],
      ['__proto__ key', 'sites.create', JSON.parse('{"__proto__":{"polluted":1}}')],
      [
        'nested __proto__',
        'rooms.create',
        JSON.parse('{"floorId":1,"features":{"__proto__":{"polluted":1}}}'),
      ],
      ['1 MB name', 'sites.create', { name: 'x'.repeat(1024 * 1024) }],
      ['deeply nested input', 'sites.create', deeplyNested(10_000)],
      ['deeply nested name', 'sites.create', { name: deeplyNested(10_000) }],
      ['multi-line name', 'sites.create', { name: 'a\nb' }],
      ['blank name', 'sites.create', { name: '   ' }],
      ['unknown enum', 'rooms.setStatus', { id: 1, status: 'deleted' }],
      [
        'lower-case building code with symbols',
        'buildings.create',
        { siteId: 1, code: 'a;--', name: 'x' },
      ],
      ['null input', 'sites.create', null],
      ['undefined input', 'sites.create', undefined],
      ['array input', 'sites.create', [validSite]],
      ['string input', 'sites.create', JSON.stringify(validSite)],
    ];

    it('answers UNKNOWN_METHOD for anything that is not a contract method', async () => {
      for (const method of unknownMethods) {
        const result = await router.invoke(method, {}, coord);
        expect(result, String(method)).toEqual({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: expect.any(String) },
        });
        expectNoStack(result);
      }
    });

    it('answers INVALID_INPUT with field errors for malformed input', async () => {
      for (const [label, method, input] of invalidCalls) {
        const result = await router.invoke(method, input, coord);
        expect(result, label).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        if (result.ok) continue;
        expect(Object.keys(result.error.fields ?? {}).length, label).toBeGreaterThan(0);
        expectNoStack(result);
        expect(JSON.stringify(result).length, label).toBeLessThan(2000);
      }
    });

    it('names the offending fields', async () => {
      const fieldsOf = async (method: string, input: unknown) => {
        const result = await router.invoke(method, input, coord);
        return result.ok ? undefined : result.error.fields;
      };
      expect(await fieldsOf('sites.create', { ...validSite, admin: true })).toEqual({
        admin: 'unrecognized_key',
      });
      expect(await fieldsOf('sites.create', {})).toEqual({ name: 'invalid_type' });
      expect(await fieldsOf('sites.create', { name: 'x'.repeat(1024 * 1024) })).toEqual({
        name: 'too_big',
      });
      expect(await fieldsOf('sites.create', { name: 'a\nb' })).toEqual({ name: 'single_line' });
      expect(
        await fieldsOf('rooms.create', {
          floorId: 1,
          number: 'A-1',
          capacity: 0,
          type: 'single',
          features: ['x'],
        }),
      ).toEqual({ capacity: 'too_small', 'features.0': 'invalid_value' });
      expect(
        await fieldsOf('rooms.bulkCreate', {
          buildingId: 1,
          floorFrom: 3,
          floorTo: 2,
          roomFrom: 1,
          roomTo: 1,
          capacity: 1,
          type: 'single',
        }),
      ).toEqual({ floorTo: 'range_order' });
    });

    // The contract's regexes carry their own code, which the renderer translates.
    it('reports the contract’s own code for a malformed room number or building code', async () => {
      const fieldsOf = async (method: string, input: unknown) => {
        const result = await router.invoke(method, input, coord);
        return result.ok ? undefined : result.error.fields;
      };
      expect(
        await fieldsOf('rooms.create', { floorId: 1, number: 'A 1', capacity: 1, type: 'single' }),
      ).toEqual({ number: 'room_number' });
      expect(await fieldsOf('buildings.create', { siteId: 1, code: 'A-1', name: 'x' })).toEqual({
        code: 'building_code',
      });
    });

    it('after all of them, nothing was written and nothing was polluted', async () => {
      const before = tableCounts(t);
      const lastAudit = lastAuditId(t);
      for (const method of unknownMethods) await router.invoke(method, validSite, coord);
      for (const [, method, input] of invalidCalls) await router.invoke(method, input, coord);

      const names = tableNames(t);
      expect(names).toEqual(
        expect.arrayContaining([
          'sites',
          'buildings',
          'floors',
          'rooms',
          'room_status_log',
          'settings',
          'users',
          'user_roles',
          'audit_log',
          'audit_pending',
        ]),
      );
      // Only the test's setup wrote (the user and their role).
      for (const table of ['sites', 'buildings', 'floors', 'rooms', 'room_status_log', 'settings'])
        expect(before[table], table).toBe(0);
      // Denied calls are audited by design; nothing else may have left a row anywhere.
      for (const table of names.filter((n) => n !== 'audit_log'))
        expect(countRows(t.ctx, table), table).toBe(before[table]);
      expect(auditRows(t, lastAudit).filter((r) => r.outcome !== 'denied')).toEqual([]);
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(logger.entries).toEqual([]);
    });

    // JSON.parse makes `__proto__` an own key; a plain `{}` of field errors would swallow it.
    it('names an unexpected __proto__ key among the field errors', async () => {
      const input: unknown = JSON.parse('{"name":"Site","__proto__":{"polluted":1}}');
      const result = await router.invoke('sites.create', input, coord);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (result.ok) return;
      expect(Object.keys(result.error.fields ?? {})).toEqual(['__proto__']);
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });

    // Only reachable in-process (IPC and JSON give objects a prototype), but invoke must never throw.
    it('never throws, even for a method value that cannot be turned into a string', async () => {
      const method: unknown = Object.create(null);
      let result: Promise<unknown> | undefined;
      expect(() => {
        result = router.invoke(method, {}, coord);
      }).not.toThrow();
      await expect(result).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      });
    });
  });

  describe('unexpected failures', () => {
    it('answers INTERNAL without details and logs the error with its stack', async () => {
      const custom: Handlers = {
        ...handlers,
        'sites.list': () => {
          throw new Error('kaboom: secret detail /home/someone/data.sqlite');
        },
      };
      const other = customRouter(custom);
      const result = await other.router.invoke('sites.list', {}, other.handle);
      expect(result).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: expect.any(String) },
      });
      expectNoStack(result);
      expect(JSON.stringify(result)).not.toContain('kaboom');
      expect(JSON.stringify(result)).not.toContain('/home/someone');

      expect(logger.entries).toHaveLength(1);
      const [entry] = logger.entries;
      expect(entry!.message).toContain('sites.list');
      expect(entry!.error).toBeInstanceOf(Error);
      const stack = (entry!.error as Error).stack ?? '';
      expect(stack).toContain('kaboom');
      expect(stack).toMatch(STACK_FRAME);
      expect(stack).toContain('router.test.ts');
    });

    it('answers INTERNAL for a thrown non-Error too', async () => {
      const custom: Handlers = {
        ...handlers,
        'settings.get': () => {
          throw 'a bare string';
        },
      };
      const other = customRouter(custom);
      const result = await other.router.invoke('settings.get', {}, other.handle);
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(logger.entries.map((e) => e.error)).toEqual(['a bare string']);
    });

    it('rolls back a write that fails half-way', async () => {
      const custom: Handlers = {
        ...handlers,
        'sites.create': (ctx, input) => {
          createSite(ctx, input);
          expect(countRows(ctx, 'sites')).toBe(1);
          throw new Error('failed after the insert');
        },
      };
      const failing = customRouter(custom);
      const lastAudit = lastAuditId(t);
      expect(
        await failing.router.invoke('sites.create', { name: 'Half' }, failing.handle),
      ).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
      expect(countRows(t.ctx, 'sites')).toBe(0);
      expect(lastAuditId(t)).toBe(lastAudit);
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);
      expect(t.ctx.db.inTransaction).toBe(false);
      // The connection is still usable for the next write.
      expect(await router.invoke('sites.create', { name: 'Whole' }, coord)).toMatchObject({
        ok: true,
      });
      expect(countRows(t.ctx, 'sites')).toBe(1);
    });

    it('rolls back a write refused half-way with a domain error, without logging it', async () => {
      const custom: Handlers = {
        ...handlers,
        'sites.create': (ctx, input) => {
          createSite(ctx, input);
          throw new DomainError('NOT_EMPTY', 'refused after the insert');
        },
      };
      const other = customRouter(custom);
      const lastAudit = lastAuditId(t);
      const result = await other.router.invoke('sites.create', { name: 'Half' }, other.handle);
      expect(result).toEqual({
        ok: false,
        error: { code: 'NOT_EMPTY', message: 'refused after the insert' },
      });
      expectNoStack(result);
      expect(countRows(t.ctx, 'sites')).toBe(0);
      expect(lastAuditId(t)).toBe(lastAudit);
      expect(countRows(t.ctx, 'audit_pending')).toBe(0);
      expect(logger.entries).toEqual([]);
    });

    it('answers UNKNOWN_METHOD for a contract method without a handler', async () => {
      const partial: Record<string, unknown> = { ...handlers };
      delete partial['demo.load'];
      const other = customRouter(partial as unknown as Handlers);
      const result = await other.router.invoke('demo.load', {}, other.handle);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });
  });
});
