import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { mayCall, ROLES, type Role } from '../../shared/permissions';
import type { ResidentView } from '../../shared/residents';
import type { SessionHandle } from '../accounts/sessionStore';
import { auditRows, lastAuditId, userWithSession } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  type BuiltSite,
  type Desk,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';
import { maskIdNumber } from '../services/masking';

const DIGITS = [...'0123456789'];
const ID_LENGTH = 18;

/**
 * The attack of issue 14: someone who sees `3206**********123X` types one more digit after the
 * visible ones (as a masked pattern, or as a plain prefix or suffix) and watches whether the
 * person still shows. Returns, for each hidden position, the answers to the ten guesses.
 */
async function guessEachHiddenDigit(
  id: string,
  search: (q: string) => Promise<number[]>,
): Promise<{ probe: string; answers: string[] }[]> {
  const head = id.slice(0, 4);
  const tail = id.slice(-4);
  const probes: { probe: string; queries: string[] }[] = [];
  for (let i = 4; i < ID_LENGTH - 4; i++) {
    const known = id.slice(0, i);
    const knownTail = id.slice(i + 1);
    probes.push(
      {
        probe: `prefix pattern at ${i}`,
        queries: DIGITS.map((d) => `${known}${d}`.padEnd(ID_LENGTH - 4, '*').concat(tail)),
      },
      { probe: `plain prefix at ${i}`, queries: DIGITS.map((d) => `${known}${d}`) },
      {
        probe: `suffix pattern at ${i}`,
        queries: DIGITS.map((d) => `${head}${'*'.repeat(i - 4)}${d}${knownTail}`),
      },
      { probe: `plain suffix at ${i}`, queries: DIGITS.map((d) => `${d}${knownTail}`) },
      {
        probe: `one digit short at ${i}`,
        queries: DIGITS.map((d) => `${id.slice(0, i)}${d}${id.slice(i + 1)}`.slice(0, 17)),
      },
    );
  }
  const out: { probe: string; answers: string[] }[] = [];
  for (const { probe, queries } of probes) {
    const answers: string[] = [];
    for (const q of queries) answers.push(JSON.stringify(await search(q)));
    out.push({ probe, answers });
  }
  return out;
}

describe('resident search: no hidden digit leaks', () => {
  let desk: Desk;
  let site: BuiltSite;
  let targetId: string;
  let targetPhone: string;
  let targetStay: number;
  let departedId: string;
  let departedStay: number;

  const as = (username: string, roles: readonly Role[]): SessionHandle =>
    userWithSession(desk.t, desk.tr, username, roles).handle;

  const searcher =
    (handle: SessionHandle, view: ResidentView) =>
    async (search: string): Promise<number[]> =>
      (
        await desk.call('residents.page', { siteId: site.siteId, view, search, limit: 100 }, handle)
      ).rows.map((r) => r.stayId);

  beforeEach(async () => {
    desk = makeDesk();
    site = buildSite(desk.t.ctx, [
      {
        level: 1,
        rooms: [
          { number: 'Q-101', capacity: 2, type: 'double' },
          { number: 'Q-102', capacity: 2, type: 'double' },
          { number: 'Q-103', capacity: 2, type: 'double' },
        ],
      },
    ]);
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '高铁站',
      arrivedAt: TEST_NOW.toISOString(),
    });
    const target = person({ fullName: '目标', birthDate: '1987-06-15' });
    const gone = person({ fullName: '已离开', birthDate: '1975-02-03', gender: 'female' });
    targetId = target.documentNumber;
    targetPhone = target.phone!;
    departedId = gone.documentNumber;
    const [a, b] = await checkInto(desk, batch.id, site, [
      [target, 'Q-101'],
      [gone, 'Q-102'],
      [person({ fullName: '旁人' }), 'Q-103'],
    ]);
    targetStay = a!.stayId;
    departedStay = b!.stayId;
    await desk.call('stays.checkOut', { id: departedStay, kind: 'release' });
  });
  afterEach(() => desk.t.close());

  for (const [username, roles] of [
    ['viewer', ['viewer']],
    ['doctor', ['medical']],
  ] as const) {
    it(`as ${username}: guessing digit after digit learns nothing, in residence and departed`, async () => {
      const handle = as(username, roles);
      for (const [view, id] of [
        ['in_residence', () => targetId],
        ['departed', () => departedId],
      ] as const) {
        const search = searcher(handle, view);
        for (const { probe, answers } of await guessEachHiddenDigit(id(), search)) {
          expect(new Set(answers).size, `${view} ${probe}`).toBe(1);
          expect(answers[0], `${view} ${probe}`).toBe('[]');
        }
        // The full number, in either case, with or without its mask's stars, finds no one either.
        expect(await search(id())).toEqual([]);
        expect(await search(id().toLowerCase())).toEqual([]);
      }
      // What the mask shows still finds them: the first 4, the last 4, the whole mask.
      const inResidence = searcher(handle, 'in_residence');
      // Phone numbers are not searched at all: neither the whole number nor its hidden middle.
      for (const q of [targetPhone, targetPhone.slice(3, 7), `${targetPhone.slice(0, 3)}****`])
        expect(await inResidence(q), q).toEqual([]);
      expect(await inResidence(targetId.slice(0, 4))).toContain(targetStay);
      expect(await inResidence(targetId.slice(-4))).toEqual([targetStay]);
      expect(await inResidence(maskIdNumber(targetId))).toEqual([targetStay]);
      expect(await searcher(handle, 'departed')(maskIdNumber(departedId))).toEqual([departedStay]);
      // Nothing of this was a reveal: no search by a full number is in the trail.
      expect(auditRows(desk.t).filter((r) => r.method === 'residents.page')).toEqual([]);
    });
  }

  it('a mask pattern that shows more or less than the mask, or wildcards, matches no number', async () => {
    const search = searcher(as('viewer', ['viewer']), 'in_residence');
    const head = targetId.slice(0, 4);
    const tail = targetId.slice(-4);
    for (const q of [
      `${targetId.slice(0, 5)}${'*'.repeat(9)}${tail}`,
      `${head}${'*'.repeat(9)}${targetId.slice(-5)}`,
      `${head}${'*'.repeat(9)}${tail}`, // one character short: the length is what the mask shows
      `${head}%${tail}`,
      `${head}${'_'.repeat(10)}${tail}`,
      `${head}*`,
      '********',
    ]) {
      expect(await search(q), q).toEqual([]);
    }
  });

  it('a coordinator finds a person by the full number, and the trail records it like a reveal', async () => {
    const before = lastAuditId(desk.t);
    const search = searcher(as('coord', ['coordinator']), 'in_residence');
    expect(await search(targetId.toLowerCase())).toEqual([targetStay]);
    expect(await searcher(as('coord2', ['coordinator']), 'departed')(departedId)).toEqual([
      departedStay,
    ]);
    expect(await search('32069999999999999X')).toEqual([]);
    const rows = auditRows(desk.t, before).filter((r) => r.method === 'residents.page');
    expect(rows.map((r) => [r.username, r.entity, r.outcome])).toEqual([
      ['coord', 'person', 'ok'],
      ['coord2', 'person', 'ok'],
      ['coord', null, 'ok'],
    ]);
    expect(rows[0]!.detail).toContain(maskIdNumber(targetId));
    expect(JSON.stringify(rows)).not.toContain(targetId);
    expect(JSON.stringify(rows)).not.toContain(departedId);
    // Even a coordinator learns no hidden digit from a partial number.
    expect(await search(targetId.slice(0, 10))).toEqual([]);
  });

  it('registering or importing by document number (which answers whether that number has an open stay) is only for roles that may reveal', () => {
    const byNumber: MethodName[] = ['arrivals.register', 'arrivals.importPreview'];
    for (const method of byNumber) {
      for (const role of ROLES) {
        if (mayCall(contract[method].access, [role]))
          expect(mayCall('personal.reveal', [role]), `${role} ${method}`).toBe(true);
      }
    }
  });
});
