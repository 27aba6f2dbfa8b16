import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { AuditPage } from '../../shared/accounts';
import type { SessionHandle } from '../accounts/sessionStore';
import { buildRoomThrough } from './auditTesting';
import { sessionFor, valueOf } from './authTesting';
import {
  addUser,
  makeTestContext,
  makeTestRouter,
  type TestContext,
  type TestRouter,
} from './tempDb';

/** Clock steps stay under the 15-minute idle lock, so the sessions stay active. */
export const STEP = 10 * 60_000;

/**
 * A router on a fresh file with one administrator-and-coordinator ("chief") signed in, and the
 * calls the audit tests make through it. Shared by the tests of the router's audit capture and of
 * the trail itself (chain, masking, reading).
 */
export interface AuditTrail {
  t: TestContext;
  tr: TestRouter;
  chiefId: number;
  /** Administrator and coordinator: may do everything. */
  chief: SessionHandle;
  invoke: (
    method: string,
    input: unknown,
    handle?: SessionHandle,
  ) => ReturnType<TestRouter['router']['invoke']>;
  call: <T>(method: string, input: unknown, handle?: SessionHandle) => Promise<T>;
  advance: (ms: number) => void;
  page: (input: unknown, handle?: SessionHandle) => Promise<AuditPage>;
  /** Opens the same file a second time, as someone tampering with it would. */
  rawFile: (sql: string, ...params: unknown[]) => void;
  /** A site, building, floor and room made through the router; returns their ids. */
  buildRoom: (handle?: SessionHandle) => ReturnType<typeof buildRoomThrough<SessionHandle>>;
}

export function openAuditTrail(): AuditTrail {
  const t = makeTestContext();
  const tr = makeTestRouter(t);
  const chiefId = addUser(t, 'chief', ['administrator', 'coordinator']);
  const chief = sessionFor(tr, chiefId);
  const invoke = (method: string, input: unknown, handle: SessionHandle = chief) =>
    tr.router.invoke(method, input, handle);
  const call = async <T>(method: string, input: unknown, handle: SessionHandle = chief) =>
    valueOf<T>(await invoke(method, input, handle));
  return {
    t,
    tr,
    chiefId,
    chief,
    invoke,
    call,
    advance: (ms) => {
      tr.clock.now = new Date(tr.clock.now.getTime() + ms);
    },
    page: (input, handle = chief) => call<AuditPage>('audit.page', input, handle),
    rawFile: (sql, ...params) => {
      const other = new Database(t.file);
      try {
        other.prepare(sql).run(...params);
      } finally {
        other.close();
      }
    },
    buildRoom: (handle = chief) => buildRoomThrough(call, handle),
  };
}

/** Every audit test ends with nothing logged as an error, and its file closed. */
export function closeAuditTrail(trail: AuditTrail): void {
  try {
    expect(trail.tr.logger.entries).toEqual([]);
  } finally {
    trail.t.close();
  }
}
