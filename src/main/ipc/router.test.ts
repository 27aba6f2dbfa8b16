import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../db/migrations';
import { DomainError } from '../services/errors';
import { createSite } from '../services/sites';
import { capturingLogger, countRows, makeTestContext, type TestContext } from '../testing/tempDb';
import { handlers, type Handlers } from './handlers';
import { createRouter, type Router } from './router';

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
  let logger: ReturnType<typeof capturingLogger>;
  let router: Router;

  const tables = (): string[] =>
    t.ctx.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];

  beforeEach(() => {
    t = makeTestContext();
    logger = capturingLogger();
    router = createRouter(t.ctx, logger);
  });
  afterEach(() => t.close());

  it('answers a valid call with ok and the value', () => {
    const created = router.invoke('sites.create', { name: '  Haohe  ' });
    expect(created).toEqual({
      ok: true,
      value: { id: expect.any(Number), name: 'Haohe', address: '', retiredAt: null },
    });
    expect(router.invoke('sites.list', {})).toEqual({
      ok: true,
      value: [(created as { value: unknown }).value],
    });
    expect(router.invoke('app.info', {})).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        schemaVersion: SCHEMA_VERSION,
        dataDir: t.dir,
        shell: 'browser',
        hasSite: true,
      },
    });
    expect(logger.entries).toEqual([]);
  });

  it('passes a domain refusal through with its code, params and fields', () => {
    router.invoke('sites.create', { name: 'Haohe' });
    const result = router.invoke('sites.create', { name: 'Haohe' });
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

    it('answers UNKNOWN_METHOD for anything that is not a contract method', () => {
      for (const method of unknownMethods) {
        const result = router.invoke(method, {});
        expect(result, String(method)).toEqual({
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: expect.any(String) },
        });
        expectNoStack(result);
      }
    });

    it('answers INVALID_INPUT with field errors for malformed input', () => {
      for (const [label, method, input] of invalidCalls) {
        const result = router.invoke(method, input);
        expect(result, label).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        if (result.ok) continue;
        expect(Object.keys(result.error.fields ?? {}).length, label).toBeGreaterThan(0);
        expectNoStack(result);
        expect(JSON.stringify(result).length, label).toBeLessThan(2000);
      }
    });

    it('names the offending fields', () => {
      const fieldsOf = (method: string, input: unknown) => {
        const result = router.invoke(method, input);
        return result.ok ? undefined : result.error.fields;
      };
      expect(fieldsOf('sites.create', { ...validSite, admin: true })).toEqual({
        admin: 'unrecognized_key',
      });
      expect(fieldsOf('sites.create', {})).toEqual({ name: 'invalid_type' });
      expect(fieldsOf('sites.create', { name: 'x'.repeat(1024 * 1024) })).toEqual({
        name: 'too_big',
      });
      expect(fieldsOf('sites.create', { name: 'a\nb' })).toEqual({ name: 'single_line' });
      expect(
        fieldsOf('rooms.create', {
          floorId: 1,
          number: 'A-1',
          capacity: 0,
          type: 'single',
          features: ['x'],
        }),
      ).toEqual({ capacity: 'too_small', 'features.0': 'invalid_value' });
      expect(
        fieldsOf('rooms.bulkCreate', {
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
    it('reports the contract’s own code for a malformed room number or building code', () => {
      const fieldsOf = (method: string, input: unknown) => {
        const result = router.invoke(method, input);
        return result.ok ? undefined : result.error.fields;
      };
      expect(
        fieldsOf('rooms.create', { floorId: 1, number: 'A 1', capacity: 1, type: 'single' }),
      ).toEqual({ number: 'room_number' });
      expect(fieldsOf('buildings.create', { siteId: 1, code: 'A-1', name: 'x' })).toEqual({
        code: 'building_code',
      });
    });

    it('after all of them, nothing was written and nothing was polluted', () => {
      for (const method of unknownMethods) router.invoke(method, validSite);
      for (const [, method, input] of invalidCalls) router.invoke(method, input);

      const names = tables();
      expect(names).toEqual(
        expect.arrayContaining([
          'sites',
          'buildings',
          'floors',
          'rooms',
          'room_status_log',
          'settings',
        ]),
      );
      for (const table of names) expect(countRows(t.ctx, table), table).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(logger.entries).toEqual([]);
    });

    // JSON.parse makes `__proto__` an own key; a plain `{}` of field errors would swallow it.
    it('names an unexpected __proto__ key among the field errors', () => {
      const input: unknown = JSON.parse('{"name":"Site","__proto__":{"polluted":1}}');
      const result = router.invoke('sites.create', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (result.ok) return;
      expect(Object.keys(result.error.fields ?? {})).toEqual(['__proto__']);
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });

    // Only reachable in-process (IPC and JSON give objects a prototype), but invoke must never throw.
    it('never throws, even for a method value that cannot be turned into a string', () => {
      const method: unknown = Object.create(null);
      let result: unknown;
      expect(() => {
        result = router.invoke(method, {});
      }).not.toThrow();
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    });
  });

  describe('unexpected failures', () => {
    it('answers INTERNAL without details and logs the error with its stack', () => {
      const custom: Handlers = {
        ...handlers,
        'sites.list': () => {
          throw new Error('kaboom: secret detail /home/someone/data.sqlite');
        },
      };
      const result = createRouter(t.ctx, logger, custom).invoke('sites.list', {});
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

    it('answers INTERNAL for a thrown non-Error too', () => {
      const custom: Handlers = {
        ...handlers,
        'settings.get': () => {
          throw 'a bare string';
        },
      };
      const result = createRouter(t.ctx, logger, custom).invoke('settings.get', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(logger.entries.map((e) => e.error)).toEqual(['a bare string']);
    });

    it('rolls back a write that fails half-way', () => {
      const custom: Handlers = {
        ...handlers,
        'sites.create': (ctx, input) => {
          createSite(ctx, input);
          expect(countRows(ctx, 'sites')).toBe(1);
          throw new Error('failed after the insert');
        },
      };
      const failing = createRouter(t.ctx, logger, custom);
      expect(failing.invoke('sites.create', { name: 'Half' })).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
      expect(countRows(t.ctx, 'sites')).toBe(0);
      expect(t.ctx.db.inTransaction).toBe(false);
      // The connection is still usable for the next write.
      expect(router.invoke('sites.create', { name: 'Whole' })).toMatchObject({ ok: true });
      expect(countRows(t.ctx, 'sites')).toBe(1);
    });

    it('rolls back a write refused half-way with a domain error, without logging it', () => {
      const custom: Handlers = {
        ...handlers,
        'sites.create': (ctx, input) => {
          createSite(ctx, input);
          throw new DomainError('NOT_EMPTY', 'refused after the insert');
        },
      };
      const result = createRouter(t.ctx, logger, custom).invoke('sites.create', { name: 'Half' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'NOT_EMPTY', message: 'refused after the insert' },
      });
      expectNoStack(result);
      expect(countRows(t.ctx, 'sites')).toBe(0);
      expect(logger.entries).toEqual([]);
    });

    it('answers UNKNOWN_METHOD for a contract method without a handler', () => {
      const partial: Record<string, unknown> = { ...handlers };
      delete partial['demo.load'];
      const result = createRouter(t.ctx, logger, partial as unknown as Handlers).invoke(
        'demo.load',
        {},
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(countRows(t.ctx, 'sites')).toBe(0);
    });
  });
});
