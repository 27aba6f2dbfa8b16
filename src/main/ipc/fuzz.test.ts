import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { ERROR_CODES, type ApiResult, type ErrorCode } from '../../shared/errors';
import { mayCall, type Role } from '../../shared/permissions';
import { memoryHandle, type SessionHandle } from '../accounts/sessionStore';
import { verifyAuditChain } from '../accounts/audit';
import { unknownMethodName } from '../testing/fuzzPayloads';
import { hostileInput, plausibleInput, validButForUnknownKeys } from '../testing/plausibleInputs';
import {
  addUser,
  countRows,
  makeTestContext,
  makeTestRouter,
  storedTables,
  type TestContext,
  type TestRouter,
} from '../testing/tempDb';

/**
 * Hostile payloads against every IPC method, through the real router over a real database file.
 * Replay a failure with FUZZ_SEED=<seed printed below> (fast-check also prints seed and path).
 */
const SEED =
  process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
if (!Number.isSafeInteger(SEED))
  throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);
console.log(`fuzz.test.ts: FUZZ_SEED=${SEED}`);

const RUNS = 1000;
const METHODS = Object.keys(contract) as MethodName[];
const FUZZER_ROLES: Role[] = ['administrator', 'coordinator'];

/** Things that look like a stack trace: `at fn (file.ts:1:2)` or `at file.ts:1:2`. */
const STACK_FRAME = /\bat\s+(?:\S+\s+\()?[^\s()]+:\d+:\d+/;
const ERROR_KEYS = ['code', 'message', 'fields', 'params'];

type SessionKind = 'fuzzer' | 'signedOut' | 'forged';

/** A refusal envelope, and nothing of the inside of main. */
function expectCleanFailure(result: ApiResult<unknown>, expected: ErrorCode): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(ERROR_CODES).toContain(result.error.code);
  expect(result.error.code).toBe(expected);
  expect(typeof result.error.message).toBe('string');
  for (const key of Object.keys(result.error)) expect(ERROR_KEYS).toContain(key);
  const text = JSON.stringify(result);
  expect(text).not.toContain('"stack"');
  expect(text).not.toContain('    at ');
  expect(text).not.toMatch(STACK_FRAME);
}

describe('IPC router under hostile input', () => {
  let t: TestContext;
  let r: TestRouter;
  const sessions = {} as Record<SessionKind, SessionHandle>;
  let rowsBefore: Map<string, number>;
  let auditBefore: number;
  let prototypeKeysBefore: string[];
  /** Calls that had to be refused for want of a session: each one must leave one 'denied' row. */
  let expectedDenials = 0;

  const rowCounts = () =>
    new Map(storedTables(t.ctx.db).map((table) => [table, countRows(t.ctx, table)]));

  /** What each session must get back for an invalid input to `method`. */
  function expectedCode(kind: SessionKind, method: MethodName): ErrorCode {
    const { access } = contract[method];
    if (kind === 'fuzzer') return mayCall(access, FUZZER_ROLES) ? 'INVALID_INPUT' : 'FORBIDDEN';
    if (access === 'public') return 'INVALID_INPUT';
    return kind === 'forged' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED';
  }

  beforeAll(async () => {
    t = makeTestContext();
    // Durability is not under test here. ~70 000 denied calls each commit an audit row; without an
    // fsync per commit the file runs in ~34 s instead of ~45 s on 2 cores.
    t.ctx.db.pragma('synchronous = OFF');
    addUser(t, 'fuzzer', FUZZER_ROLES);
    r = makeTestRouter(t);
    sessions.fuzzer = await r.signIn('fuzzer');
    sessions.signedOut = memoryHandle();
    sessions.forged = memoryHandle('f'.repeat(32)); // a token this store never issued
    rowsBefore = rowCounts();
    auditBefore = countRows(t.ctx, 'audit_log');
    prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype);
  });
  afterAll(() => t?.close());

  it('has plausible inputs for every method (so "valid but for one extra key" is really tried)', () => {
    for (const method of METHODS) {
      const schema = contract[method].input;
      expect(schema.safeParse(plausibleInput(schema)).success, method).toBe(true);
      // …and the fuzzer really builds on it for every method with an object input.
      expect(validButForUnknownKeys(schema), method).not.toBeNull();
    }
  });

  it.each(METHODS)(
    `%s: ${RUNS} hostile payloads are refused cleanly in every session`,
    async (method) => {
      const schema = contract[method].input;
      await fc.assert(
        fc.asyncProperty(hostileInput(schema), async (payload) => {
          // The generator's promise: nothing it makes is valid, so no run can write.
          expect(schema.safeParse(payload).success).toBe(false);
          for (const kind of ['fuzzer', 'signedOut', 'forged'] as const) {
            const expected = expectedCode(kind, method);
            let result: ApiResult<unknown>;
            try {
              result = await r.router.invoke(method, payload, sessions[kind]);
            } catch (error) {
              throw new Error(`invoke threw for ${kind}: ${String(error)}`);
            }
            expectCleanFailure(result, expected);
            if (expected === 'UNAUTHENTICATED' || expected === 'SESSION_EXPIRED') expectedDenials++;
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    120_000,
  );

  it(`${RUNS} unknown method names are UNKNOWN_METHOD in every session, and leave no trace`, async () => {
    const auditRows = countRows(t.ctx, 'audit_log');
    await fc.assert(
      fc.asyncProperty(unknownMethodName(METHODS), async (name) => {
        for (const kind of ['fuzzer', 'signedOut', 'forged'] as const) {
          const result = await r.router.invoke(name, {}, sessions[kind]);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('UNKNOWN_METHOD');
            expect(result.error.message.length).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(countRows(t.ctx, 'audit_log')).toBe(auditRows);
  });

  it('afterwards: nothing written but denied-call audit rows, nothing polluted, nothing crashed', () => {
    const after = rowCounts();
    for (const [table, before] of rowsBefore) {
      if (table !== 'audit_log') expect(after.get(table), table).toBe(before);
    }
    expect(countRows(t.ctx, 'audit_pending')).toBe(0);
    // Every signed-out or forged call to a non-public method was refused and audited once, as such.
    expect(countRows(t.ctx, 'audit_log', `id > ${auditBefore}`)).toBe(expectedDenials);
    expect(countRows(t.ctx, 'audit_log', `id > ${auditBefore} AND outcome <> 'denied'`)).toBe(0);
    expect(verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });

    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');

    expect(r.logger.entries).toEqual([]);
    // The fuzzer's own session is still the one it signed in with: no payload logged it out or locked it.
    expect(r.sessions.get(sessions.fuzzer.token)?.locked).toBe(false);
  });
});
