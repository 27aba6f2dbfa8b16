import { describe, expect, it } from 'vitest';
import type { CallOptions, DeskApi } from '@shared/api';
import { OP_ID_PATTERN } from '@shared/api';
import type { ApiResult } from '@shared/errors';
import { Connection } from './connection';
import { invokeWithRetry, newOpId, RETRY_DELAYS_MS, WRITE_RESEND_MS } from './retry';

/** An api that gives the scripted answers in turn (a throw for `'throw'`), noting each call. */
function scripted(answers: (ApiResult<unknown> | 'throw')[]) {
  const calls: { method: string; options: CallOptions | undefined }[] = [];
  const api = {
    invoke: (method: string, _input: unknown, options?: CallOptions) => {
      calls.push({ method, options });
      const next = answers.shift() ?? { ok: true, value: 'late' };
      return next === 'throw' ? Promise.reject(new Error('ipc gone')) : Promise.resolve(next);
    },
  } as unknown as DeskApi;
  return { api, calls };
}

const fail = (code: string): ApiResult<unknown> =>
  ({ ok: false, error: { code, message: code } }) as ApiResult<unknown>;
const noWait = () => Promise.resolve();

describe('invokeWithRetry', () => {
  it('makes ids main accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newOpId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(OP_ID_PATTERN);
  });

  it('sends one submission again with the same id after a lost answer or a busy database', async () => {
    const { api, calls } = scripted([
      'throw',
      fail('UNAVAILABLE'),
      fail('BUSY'),
      { ok: true, value: 7 },
    ]);
    const waits: number[] = [];
    const result = await invokeWithRetry(api, 'sites.list', {}, (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    expect(result).toEqual({ ok: true, value: 7 });
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => c.options?.opId)).size).toBe(1);
    expect(waits).toEqual([...RETRY_DELAYS_MS]);
  });

  it('gives up after the last delay and returns the failure', async () => {
    const { api, calls } = scripted(Array.from({ length: 10 }, () => fail('UNAVAILABLE')));
    const result = await invokeWithRetry(api, 'sites.list', {}, noWait);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(calls).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });

  it('does not repeat a refusal, and gives each submission its own id', async () => {
    const { api, calls } = scripted([fail('DISK_FULL'), fail('FORBIDDEN')]);
    expect(await invokeWithRetry(api, 'sites.list', {}, noWait)).toMatchObject({
      error: { code: 'DISK_FULL' },
    });
    await invokeWithRetry(api, 'sites.list', {}, noWait);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.options?.opId).not.toBe(calls[1]!.options?.opId);
  });

  it('keeps resending an unanswered write, same id, counted as waiting until it is answered', async () => {
    const { api, calls } = scripted([
      ...Array.from({ length: 8 }, () => fail('UNAVAILABLE')),
      { ok: true, value: { id: 5 } },
    ]);
    const connection = new Connection();
    const seen: { online: boolean; waitingWrites: number }[] = [];
    const waits: number[] = [];
    const result = await invokeWithRetry(
      api,
      'sites.create',
      { name: 'Haohe', address: '' },
      (ms) => {
        waits.push(ms);
        seen.push(connection.snapshot());
        return Promise.resolve();
      },
      connection,
    );
    expect(result).toEqual({ ok: true, value: { id: 5 } });
    expect(calls).toHaveLength(9);
    expect(new Set(calls.map((c) => c.options?.opId)).size).toBe(1);
    expect(waits).toEqual([...RETRY_DELAYS_MS, ...Array(5).fill(WRITE_RESEND_MS)]);
    expect(seen.every((s) => !s.online && s.waitingWrites === 1)).toBe(true);
    expect(connection.snapshot()).toEqual({ online: true, waitingWrites: 0 });
  });
});
