import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post, RosterGrid, ShiftTemplate, Staff } from '../../shared/roster';
import { buildSite, makeDesk, type Desk } from '../testing/peopleTesting';
import { assignSeen } from '../testing/rosterTesting';

/** A week from Monday 30 November 2026 (one site week); the days of it by their weekday. */
const DAY = {
  mon: '2026-11-30',
  tue: '2026-12-01',
  wed: '2026-12-02',
  thu: '2026-12-03',
  fri: '2026-12-04',
  sat: '2026-12-05',
  sun: '2026-12-06',
};

describe('roster grid findings (through the router)', () => {
  let desk: Desk;
  let siteId: number;
  let shifts: Record<'day' | 'evening' | 'night', ShiftTemplate>;
  let posts: Record<'gate' | 'patrol' | 'medical', Post>;

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    const shift = (name: string, start: string, end: string) =>
      desk.call('shifts.create', { siteId, name, start, end });
    shifts = {
      day: await shift('白班', '08:00', '16:00'),
      evening: await shift('中班', '16:00', '24:00'),
      night: await shift('夜班', '00:00', '08:00'),
    };
    const post = (name: string, roles: ('security' | 'nurse' | 'doctor')[], ids: number[]) =>
      desk.call('posts.create', { siteId, name, roles, headCount: 1, templateIds: ids });
    posts = {
      gate: await post('门岗', ['security'], [shifts.day.id, shifts.evening.id, shifts.night.id]),
      patrol: await post('巡逻', ['security'], [shifts.day.id]),
      medical: await post('医疗点', ['nurse', 'doctor'], [shifts.day.id]),
    };
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  /** Each filled cell as "post/shift/day" → every person on it with the codes found there. */
  const findings = (grid: RosterGrid): Record<string, string[]> => {
    const postName = new Map(grid.posts.map((p) => [p.id, p.name]));
    const shiftName = new Map(grid.templates.map((t) => [t.id, t.name]));
    const out: Record<string, string[]> = {};
    for (const s of grid.slots) {
      if (s.assignments.length === 0) continue;
      out[`${postName.get(s.postId)}/${shiftName.get(s.templateId)}/${s.day}`] = s.assignments.map(
        (a) => `${a.staffName}: ${a.violations.map((v) => v.code).join(' ') || '-'}`,
      );
    }
    return out;
  };

  it('puts every hard and soft finding on the cell of the assignment it concerns', async () => {
    const person = (fullName: string, role: 'security' | 'nurse', maxHoursWeek = 48) =>
      desk.call('staff.create', { fullName, role, phone: '', maxHoursWeek });
    const people: Record<string, Staff> = {
      a: await person('甲', 'security'),
      b: await person('乙', 'security'),
      c: await person('丙', 'security'),
      d: await person('丁', 'security', 8),
      e: await person('戊', 'security'),
      n: await person('护士', 'nurse'),
    };
    const period = await desk.call('roster.createPeriod', {
      siteId,
      startsOn: DAY.mon,
      endsOn: DAY.sun,
    });
    const put = (who: Staff, post: Post, shift: ShiftTemplate, day: string) =>
      assignSeen(desk, {
        periodId: period.id,
        postId: post.id,
        templateId: shift.id,
        day,
        staffId: who.id,
      });
    const { gate, patrol, medical } = posts;
    // 甲: Monday's day shift, then four nights in a row (the others have one at most).
    await put(people.a!, gate, shifts.day, DAY.mon);
    for (const day of [DAY.wed, DAY.thu, DAY.fri, DAY.sat])
      await put(people.a!, gate, shifts.night, day);
    // 乙: exactly 8 hours between Monday evening and Tuesday's day shift (allowed, until 10 h are required).
    await put(people.b!, gate, shifts.evening, DAY.mon);
    await put(people.b!, patrol, shifts.day, DAY.tue);
    // 丙: a night, then an evening the same day (8 h later); on Thursday, away for two hours.
    await put(people.c!, gate, shifts.night, DAY.tue);
    await put(people.c!, gate, shifts.evening, DAY.tue);
    await put(people.c!, gate, shifts.day, DAY.thu);
    // 丁: 16 hours in a week of at most 8.
    await put(people.d!, gate, shifts.day, DAY.sat);
    await put(people.d!, gate, shifts.day, DAY.sun);
    await put(people.e!, gate, shifts.evening, DAY.sun);
    await put(people.n!, medical, shifts.day, DAY.fri);

    // What changed after assigning: rest, time off, a role, someone leaving.
    await desk.call('settings.updateRoster', { minRestHours: 10 });
    await desk.call('staff.addUnavailability', {
      staffId: people.c!.id,
      startsAt: '2026-12-03T10:00:00+08:00',
      endsAt: '2026-12-03T12:00:00+08:00',
      reason: '体检',
    });
    const nurse = people.n!;
    await desk.call('staff.update', {
      id: nurse.id,
      fullName: nurse.fullName,
      role: 'security',
      unit: nurse.unit,
      skills: nurse.skills,
      maxHoursWeek: nurse.maxHoursWeek,
    });
    await desk.call('staff.setActive', { id: people.e!.id, active: false });
    // Two posts at once, as an import or an older version could have left it.
    desk.t.ctx.db
      .prepare(
        `INSERT INTO roster_assignments (period_id, post_id, template_id, day, staff_id, starts_at, ends_at)
         VALUES (?, ?, ?, ?, ?, '2026-11-30T00:00:00.000Z', '2026-11-30T08:00:00.000Z')`,
      )
      .run(period.id, patrol.id, shifts.day.id, DAY.mon, people.a!.id);

    const grid = await desk.call('roster.grid', { periodId: period.id });
    expect(findings(grid)).toEqual({
      [`门岗/白班/${DAY.mon}`]: ['甲: overlap'],
      [`巡逻/白班/${DAY.mon}`]: ['甲: overlap'],
      [`门岗/中班/${DAY.mon}`]: ['乙: min_rest'],
      [`巡逻/白班/${DAY.tue}`]: ['乙: min_rest'],
      [`门岗/夜班/${DAY.tue}`]: ['丙: min_rest rest_after_night'],
      [`门岗/中班/${DAY.tue}`]: ['丙: min_rest rest_after_night'],
      [`门岗/夜班/${DAY.wed}`]: ['甲: rest_after_night unfair_nights'],
      [`门岗/夜班/${DAY.thu}`]: ['甲: rest_after_night unfair_nights'],
      [`门岗/白班/${DAY.thu}`]: ['丙: unavailable'],
      [`门岗/夜班/${DAY.fri}`]: ['甲: rest_after_night unfair_nights'],
      [`医疗点/白班/${DAY.fri}`]: ['护士: role_mismatch'],
      [`门岗/夜班/${DAY.sat}`]: ['甲: rest_after_night unfair_nights'],
      [`门岗/白班/${DAY.sat}`]: ['丁: weekly_hours'],
      [`门岗/白班/${DAY.sun}`]: ['丁: weekly_hours'],
      [`门岗/中班/${DAY.sun}`]: ['戊: inactive'],
    });
    expect(grid.slots).toHaveLength(7 * 3 + 7 + 7);
    expect(grid.gaps).toBe(7 * 3 + 7 + 7 - 15);
    expect({ hard: grid.hardViolations, soft: grid.softViolations }).toEqual({ hard: 9, soft: 12 });
    // Each cell's own times, and the finding's details.
    const cell = grid.slots.find(
      (s) => s.postId === gate.id && s.templateId === shifts.night.id && s.day === DAY.wed,
    )!;
    expect(cell).toMatchObject({
      startsAt: '2026-12-01T16:00:00.000Z',
      endsAt: '2026-12-02T00:00:00.000Z',
      required: 1,
    });
    expect(cell.assignments[0]!.violations.at(-1)).toEqual({
      code: 'unfair_nights',
      hard: false,
      params: { nights: 4, average: 2.5 },
    });
  });
});
