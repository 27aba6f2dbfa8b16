import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/contract';
import { discardPendingCapture, lastAuditId, sessionFor } from '../testing/authTesting';
import { deskOver, snapshot, type Desk } from '../testing/peopleTesting';
import { addUser, countRows, makeTestContext, TEST_NOW } from '../testing/tempDb';
import { APPLIED_OPERATION_DAYS } from './appliedOperations';

const OP = '5b0e6f52-3a43-4d1e-9c1b-6a3f2d9e0c11';

describe('operation ids: a retried submission is applied once', () => {
  let desk: Desk;

  /** The call as a shell makes it: with the envelope's options. */
  const submit = <M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    opId: unknown,
    handle = desk.handle,
  ) => desk.tr.router.invoke(method, input, handle, {}, { opId });

  beforeEach(() => {
    desk = deskOver(makeTestContext());
  });
  afterEach(() => desk.t.close());

  it('answers a repeat with the first result and writes nothing more', async () => {
    const first = await submit('sites.create', { name: 'East', address: '' }, OP);
    expect(first.ok).toBe(true);
    const before = snapshot(desk.t.ctx.db);
    const audit = lastAuditId(desk.t);

    const again = await submit('sites.create', { name: 'East', address: '' }, OP);
    expect(again).toEqual(first);
    expect(snapshot(desk.t.ctx.db)).toBe(before);
    expect(lastAuditId(desk.t)).toBe(audit);
    expect(countRows(desk.t.ctx, 'sites')).toBe(1);
    expect(countRows(desk.t.ctx, 'applied_operations')).toBe(1);
  });

  it('refuses the same id for another method or from another user, writing nothing', async () => {
    const otherUser = addUser(desk.t, 'second', ['coordinator']);
    discardPendingCapture(desk.t);
    await submit('sites.create', { name: 'East', address: '' }, OP);
    // (The stranger's sign-in below adds a session: not data a write could change.)
    const before = snapshot(desk.t.ctx.db, ['sessions']);

    // The same method from the same user is a retry, whatever the input: the first answer.
    const sameMethod = await submit('sites.create', { name: 'West', address: '' }, OP);
    expect(sameMethod).toMatchObject({ ok: true, value: { name: 'East' } });

    const { id } = (await desk.call('sites.list', {}))[0]!;
    const update = await submit('sites.update', { id, name: 'West', address: '' }, OP);
    expect(update).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_ID_REUSED', params: { method: 'sites.create' } },
    });

    const stranger = await submit(
      'sites.create',
      { name: 'East', address: '' },
      OP,
      sessionFor(desk.tr, otherUser),
    );
    expect(stranger).toMatchObject({ ok: false, error: { code: 'OPERATION_ID_REUSED' } });
    expect(snapshot(desk.t.ctx.db, ['sessions'])).toBe(before);
  });

  it('refuses a malformed id before writing', async () => {
    for (const opId of ['short', 'x'.repeat(65), 'has space in it', 42, { id: OP }]) {
      const result = await submit('sites.create', { name: 'East', address: '' }, opId);
      expect(result, JSON.stringify(opId)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { opId: 'invalid_format' } },
      });
    }
    expect(countRows(desk.t.ctx, 'sites')).toBe(0);
  });

  it('does not remember a refused write: the same id may be sent again once it is put right', async () => {
    await desk.call('sites.create', { name: 'East', address: '' });
    const { id } = (await desk.call('sites.list', {}))[0]!;
    const refused = await submit(
      'buildings.create',
      { siteId: id + 99, code: 'A', name: 'Main' },
      OP,
    );
    expect(refused.ok).toBe(false);
    expect(countRows(desk.t.ctx, 'applied_operations')).toBe(0);
    const fixed = await submit('buildings.create', { siteId: id, code: 'A', name: 'Main' }, OP);
    expect(fixed.ok).toBe(true);
    expect(countRows(desk.t.ctx, 'buildings')).toBe(1);
  });

  it('records nothing for a call without an id, or for a read', async () => {
    await desk.call('sites.create', { name: 'East', address: '' });
    await submit('sites.list', {}, OP);
    expect(countRows(desk.t.ctx, 'applied_operations')).toBe(0);
  });

  it('forgets ids after a week, at the next write that carries one', async () => {
    await submit('sites.create', { name: 'East', address: '' }, OP);
    desk.tr.clock.now = new Date(TEST_NOW.getTime() + APPLIED_OPERATION_DAYS * 86_400_000 + 1);
    desk.handle = sessionFor(desk.tr, desk.userId);
    await submit('sites.create', { name: 'West', address: '' }, 'a-later-operation-id');
    const ids = desk.t.ctx.db.prepare('SELECT op_id FROM applied_operations').pluck().all();
    expect(ids).toEqual(['a-later-operation-id']);
  });
});
