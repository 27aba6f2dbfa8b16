import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteInstant } from '../../shared/siteDate';
import {
  addLeaderPost,
  assignMonday,
  closeRosterWeek,
  makeRosterWeek,
  MONDAY,
  type RosterWeek,
} from '../testing/rosterTesting';
import { staffOnDuty } from './onDuty';

describe('staff on duty on a day (from the published roster)', () => {
  let w: RosterWeek;
  const TUESDAY = '2026-12-01';
  const onDuty = (day: string) => staffOnDuty(w.desk.t.ctx, { siteId: w.siteId, day });
  const instant = (day: string, time: string) => siteInstant(day, time).toISOString();

  beforeEach(async () => {
    w = await makeRosterWeek();
  });
  afterEach(() => closeRosterWeek(w.desk));

  /** Monday: a guard on the day and evening gate shifts (the night one left open), a nurse, and the coordinator on duty. */
  async function mondayPublished(): Promise<void> {
    const { post: leaderPost, leader } = await addLeaderPost(w, '钱锁梅');
    const period = await w.period();
    const assign = assignMonday(w, period.id);
    await assign(w.gate.id, w.day.id, w.guards[0]!.id);
    await assign(w.gate.id, w.evening.id, w.guards[1]!.id);
    await assign(w.medical.id, w.day.id, w.nurses[0]!.id);
    await assign(leaderPost.id, w.day.id, leader.id);
    expect(onDuty(MONDAY)).toEqual({
      roster: 'draft',
      posts: [],
      leaders: [],
      headcount: 0,
      gaps: 0,
    });
    await w.desk.call('roster.publish', { periodId: period.id });
  }

  it('says there is no roster for a day no period covers', () => {
    expect(onDuty(MONDAY)).toEqual({
      roster: 'none',
      posts: [],
      leaders: [],
      headcount: 0,
      gaps: 0,
    });
  });

  it('lists each post with its shifts, names and roles, the leader on duty and the places short', async () => {
    await mondayPublished();
    const monday = onDuty(MONDAY);
    expect(monday.roster).toBe('published');
    expect(monday.posts.map((p) => p.post)).toEqual(['门岗', '医疗点', '带班领导']);
    const gate = monday.posts[0]!;
    expect(gate.roles).toEqual(['security']);
    // In the order of the day: the night shift starts at 00:00.
    expect(gate.shifts.map((s) => [s.shift, s.startsAt, s.endsAt, s.staff])).toEqual([
      ['夜班', instant(MONDAY, '00:00'), instant(MONDAY, '08:00'), []],
      [
        '白班',
        instant(MONDAY, '08:00'),
        instant(MONDAY, '16:00'),
        [{ name: w.guards[0]!.fullName, role: 'security' }],
      ],
      [
        '中班',
        instant(MONDAY, '16:00'),
        instant('2026-12-01', '00:00'),
        [{ name: w.guards[1]!.fullName, role: 'security' }],
      ],
    ]);
    expect(monday.posts[1]!.shifts[0]!.staff).toEqual([{ name: '护士甲', role: 'nurse' }]);
    expect(monday.leaders).toEqual([
      {
        name: '钱锁梅',
        shift: '白班',
        startsAt: instant(MONDAY, '08:00'),
        endsAt: instant(MONDAY, '16:00'),
      },
    ]);
    expect(monday).toMatchObject({ headcount: 4, gaps: 1 });

    // Tuesday is in the published week but nobody is rostered: every place is short.
    const tuesday = onDuty(TUESDAY);
    expect(tuesday).toMatchObject({ roster: 'published', headcount: 0, gaps: 5, leaders: [] });
    expect(tuesday.posts.flatMap((p) => p.shifts.map((s) => s.staff.length))).toEqual([
      0, 0, 0, 0, 0,
    ]);
    // The day after the week: no roster.
    expect(onDuty('2026-12-07').roster).toBe('none');
  });

  it('a shift the post no longer runs still shows where someone was rostered on it', async () => {
    await mondayPublished();
    await w.desk.call('posts.update', {
      id: w.gate.id,
      name: '门岗',
      roles: ['security'],
      headCount: 1,
      templateIds: [w.day.id, w.night.id],
    });
    const gateOn = (day: string) => onDuty(day).posts[0]!.shifts.map((s) => s.shift);
    expect(gateOn(MONDAY)).toEqual(['夜班', '白班', '中班']);
    expect(gateOn(TUESDAY)).toEqual(['夜班', '白班']);
  });
});
