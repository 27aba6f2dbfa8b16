import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post, ShiftTemplate, Staff } from '../../shared/roster';
import { auditRows, errorOf, lastAuditId } from '../testing/authTesting';
import { buildSite, makeDesk, rows, snapshot, type Desk } from '../testing/peopleTesting';

/** A week from Monday 30 November 2026; day 08:00–16:00, evening 16:00–24:00, night 00:00–08:00. */
const MONDAY = '2026-11-30';
const SUNDAY = '2026-12-06';

describe('duty roster (through the router)', () => {
  let desk: Desk;
  let siteId: number;
  let day: ShiftTemplate;
  let evening: ShiftTemplate;
  let night: ShiftTemplate;
  let gate: Post;
  let medical: Post;
  let nurses: Staff[];
  let guards: Staff[];

  const staff = (fullName: string, role: 'nurse' | 'security' | 'doctor', extra = {}) =>
    desk.call('staff.create', { fullName, role, phone: '13900001111', ...extra });
  const period = () =>
    desk.call('roster.createPeriod', { siteId, startsOn: MONDAY, endsOn: SUNDAY });

  beforeEach(async () => {
    desk = makeDesk();
    siteId = buildSite(desk.t.ctx, [{ level: 1, rooms: [] }]).siteId;
    day = await desk.call('shifts.create', { siteId, name: '白班', start: '08:00', end: '16:00' });
    evening = await desk.call('shifts.create', {
      siteId,
      name: '中班',
      start: '16:00',
      end: '24:00',
    });
    night = await desk.call('shifts.create', {
      siteId,
      name: '夜班',
      start: '00:00',
      end: '08:00',
    });
    gate = await desk.call('posts.create', {
      siteId,
      name: '门岗',
      roles: ['security'],
      headCount: 1,
      templateIds: [day.id, evening.id, night.id],
    });
    medical = await desk.call('posts.create', {
      siteId,
      name: '医疗点',
      roles: ['nurse', 'doctor'],
      headCount: 1,
      templateIds: [day.id],
    });
    nurses = [await staff('护士甲', 'nurse'), await staff('护士乙', 'nurse')];
    guards = [];
    for (const n of ['保安一', '保安二', '保安三', '保安四'])
      guards.push(await staff(n, 'security'));
  });
  afterEach(() => {
    try {
      expect(desk.tr.logger.entries).toEqual([]);
    } finally {
      desk.t.close();
    }
  });

  it('editing a staff member keeps the phone on file unless a new one is given', async () => {
    const edited = await desk.call('staff.update', {
      id: nurses[0]!.id,
      fullName: '护士甲',
      role: 'nurse',
      unit: '市一院',
      maxHoursWeek: 40,
    });
    expect(edited).toMatchObject({ unit: '市一院', maxHoursWeek: 40, phoneMasked: '139****1111' });
    const renumbered = await desk.call('staff.update', {
      id: nurses[0]!.id,
      fullName: '护士甲',
      role: 'nurse',
      phone: '13812345678',
    });
    expect(renumbered.phoneMasked).toBe('138****5678');
  });

  it('shift templates: midnight as 24:00 or next day, 24 h duty; zero length refused', async () => {
    expect(evening).toMatchObject({ start: '16:00', durationMinutes: 480, night: false });
    expect(night).toMatchObject({ durationMinutes: 480, night: true });
    expect(
      await desk.call('shifts.create', {
        siteId,
        name: '24小时',
        start: '08:00',
        end: '08:00',
        nextDay: true,
      }),
    ).toMatchObject({ durationMinutes: 1440, night: true });
    expect(
      await desk.call('shifts.create', {
        siteId,
        name: '夜12',
        start: '20:00',
        end: '08:00',
        nextDay: true,
      }),
    ).toMatchObject({ durationMinutes: 720, night: true });
    expect(
      errorOf(
        await desk.invoke('shifts.create', { siteId, name: '零', start: '08:00', end: '08:00' }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { end: 'shift_empty' } });
    expect(
      errorOf(
        await desk.invoke('shifts.create', { siteId, name: '倒', start: '20:00', end: '08:00' }),
      ),
    ).toMatchObject({ fields: { end: 'shift_empty' } });
  });

  it('the grid lists every slot of the week with its need; periods never overlap', async () => {
    const p = await period();
    const grid = await desk.call('roster.grid', { periodId: p.id });
    expect(grid.days).toHaveLength(7);
    expect(grid.slots).toHaveLength(7 * 3 + 7);
    expect(grid.gaps).toBe(28);
    // Monday's night shift of the gate starts at midnight, site time.
    expect(
      grid.slots.find((s) => s.postId === gate.id && s.templateId === night.id && s.day === MONDAY),
    ).toMatchObject({ startsAt: '2026-11-29T16:00:00.000Z', endsAt: '2026-11-30T00:00:00.000Z' });
    expect(
      errorOf(
        await desk.invoke('roster.createPeriod', {
          siteId,
          startsOn: SUNDAY,
          endsOn: '2026-12-12',
        }),
      ),
    ).toMatchObject({ code: 'PERIOD_OVERLAP', params: { from: MONDAY, to: SUNDAY } });
  });

  it('assigning keeps the hard rules: role, overlap, rest, time off; nothing written when refused', async () => {
    const p = await period();
    const put = (post: Post, t: ShiftTemplate, d: string, s: Staff) =>
      desk.invoke('roster.assign', {
        periodId: p.id,
        postId: post.id,
        templateId: t.id,
        day: d,
        staffId: s.id,
      });
    expect((await put(gate, evening, MONDAY, guards[0]!)).ok).toBe(true);
    const refused = async (call: Promise<unknown>, rule: string) => {
      const before = snapshot(desk.t.ctx.db);
      const error = errorOf((await call) as never);
      expect(error).toMatchObject({ code: 'ROSTER_RULE', fields: { staffId: rule } });
      expect(snapshot(desk.t.ctx.db)).toBe(before);
    };
    await refused(put(gate, day, MONDAY, nurses[0]!), 'role_mismatch');
    // 16:00–24:00 then 00:00–08:00 the next day: no rest at all.
    await refused(put(gate, night, '2026-12-01', guards[0]!), 'min_rest');
    // The same evening at the medical post is the same time: a nurse there, but not the guard.
    await desk.call('staff.addUnavailability', {
      staffId: guards[1]!.id,
      startsAt: '2026-12-02T00:00:00+08:00',
      endsAt: '2026-12-03T00:00:00+08:00',
      reason: '轮休',
    });
    await refused(put(gate, day, '2026-12-02', guards[1]!), 'unavailable');
    expect((await put(gate, day, '2026-12-03', guards[1]!)).ok).toBe(true);
    await desk.call('roster.assign', {
      periodId: p.id,
      postId: medical.id,
      templateId: day.id,
      day: MONDAY,
      staffId: nurses[0]!.id,
    });
    const overlap = await desk.invoke('roster.assign', {
      periodId: p.id,
      postId: gate.id,
      templateId: day.id,
      day: MONDAY,
      staffId: nurses[0]!.id,
    });
    expect(errorOf(overlap).params).toMatchObject({ rules: 'role_mismatch,overlap' });
  });

  it('lists the candidates for a slot: the suitable first, each with what the rules say', async () => {
    const p = await period();
    await desk.call('roster.assign', {
      periodId: p.id,
      postId: gate.id,
      templateId: evening.id,
      day: MONDAY,
      staffId: guards[0]!.id,
    });
    const list = await desk.call('roster.candidates', {
      periodId: p.id,
      postId: gate.id,
      templateId: night.id,
      day: '2026-12-01',
    });
    expect(list.map((c) => c.fullName)).toEqual(['保安二', '保安三', '保安四', '保安一']);
    expect(list.at(-1)!.violations.map((v) => [v.code, v.hard])).toEqual([['min_rest', true]]);
    expect(list.at(-1)!.hoursThisWeek).toBe(8);
  });

  it('auto-fills the week with no hard violation, deterministically, and says what it could not fill', async () => {
    const p = await period();
    const filled = await desk.call('roster.autoFill', { periodId: p.id });
    // Four guards for 21 gate shifts of 8 h with 8 h rest: all filled; two nurses for 7 days.
    expect(filled.grid.hardViolations).toBe(0);
    expect(filled.grid.gaps).toBe(0);
    expect(filled.added).toBe(28);
    expect(filled.unfilled).toEqual([]);
    const picks = filled.grid.slots.map((s) => s.assignments.map((a) => a.staffId));

    // The same input gives the same roster.
    for (const a of filled.grid.slots.flatMap((s) => s.assignments))
      await desk.call('roster.unassign', { assignmentId: a.id });
    const again = await desk.call('roster.autoFill', { periodId: p.id });
    expect(again.grid.slots.map((s) => s.assignments.map((a) => a.staffId))).toEqual(picks);

    // Nights are shared out: nobody has more than two of the seven.
    const nights = new Map<number, number>();
    for (const s of again.grid.slots.filter((x) => x.templateId === night.id))
      for (const a of s.assignments) nights.set(a.staffId, (nights.get(a.staffId) ?? 0) + 1);
    expect(Math.max(...nights.values())).toBeLessThanOrEqual(2);
  });

  it('reports the slots nobody can take, with the reasons', async () => {
    await desk.call('staff.setActive', { id: nurses[0]!.id, active: false });
    await desk.call('staff.addUnavailability', {
      staffId: nurses[1]!.id,
      startsAt: '2026-11-30T00:00:00+08:00',
      endsAt: '2026-12-01T00:00:00+08:00',
      reason: '病假',
    });
    const p = await period();
    const filled = await desk.call('roster.autoFill', { periodId: p.id });
    expect(filled.unfilled).toEqual([
      {
        postId: medical.id,
        templateId: day.id,
        day: MONDAY,
        missing: 1,
        reasons: { unavailable: 1 },
      },
    ]);
  });

  it('publishing freezes the draft: changes need a reason, raise the version and are logged', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const published = await desk.call('roster.publish', { periodId: p.id });
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(errorOf(await desk.invoke('roster.autoFill', { periodId: p.id })).code).toBe(
      'ROSTER_PUBLISHED',
    );
    const grid = await desk.call('roster.grid', { periodId: p.id });
    const mondayDay = grid.slots.find(
      (s) => s.postId === medical.id && s.templateId === day.id && s.day === MONDAY,
    )!.assignments[0]!;
    const other = nurses.find((n) => n.id !== mondayDay.staffId)!;
    const noReason = await desk.invoke('roster.swap', {
      assignmentId: mondayDay.id,
      staffId: other.id,
    });
    expect(errorOf(noReason).code).toBe('REASON_REQUIRED');
    const before = lastAuditId(desk.t);
    await desk.call('roster.swap', {
      assignmentId: mondayDay.id,
      staffId: other.id,
      reason: '家中有事，互换',
    });
    expect((await desk.call('roster.periods', { siteId }))[0]).toMatchObject({ version: 2 });
    expect(
      rows(
        desk.t.ctx.db,
        'SELECT version, kind, from_staff_id, to_staff_id, reason FROM roster_changes',
      ),
    ).toEqual([
      {
        version: 2,
        kind: 'swap',
        from_staff_id: mondayDay.staffId,
        to_staff_id: other.id,
        reason: '家中有事，互换',
      },
    ]);
    expect(auditRows(desk.t, before).every((a) => a.method === 'roster.swap')).toBe(true);
  });

  it('publishing is refused while a hard rule is broken (rules changed after assigning)', async () => {
    const p = await period();
    await desk.call('roster.assign', {
      periodId: p.id,
      postId: gate.id,
      templateId: day.id,
      day: MONDAY,
      staffId: guards[0]!.id,
    });
    await desk.call('staff.addUnavailability', {
      staffId: guards[0]!.id,
      startsAt: '2026-11-30T00:00:00+08:00',
      endsAt: '2026-11-30T12:00:00+08:00',
      reason: '隔离',
    });
    const grid = await desk.call('roster.grid', { periodId: p.id });
    expect(grid.hardViolations).toBe(1);
    expect(errorOf(await desk.invoke('roster.publish', { periodId: p.id })).code).toBe(
      'ROSTER_RULE',
    );
  });

  it('the duty sheet of a day lists every post and shift with phones in full, and is audited', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const before = lastAuditId(desk.t);
    const sheet = await desk.call('roster.dutySheet', { periodId: p.id, day: MONDAY });
    expect(sheet.rows.map((r) => [r.post, r.shift, r.staff.length])).toEqual([
      ['门岗', '夜班', 1],
      ['门岗', '白班', 1],
      ['医疗点', '白班', 1],
      ['门岗', '中班', 1],
    ]);
    expect(sheet.rows[0]!.staff[0]!.phone).toBe('13900001111');
    expect(auditRows(desk.t, before).map((a) => a.method)).toEqual(['roster.dutySheet']);
    expect(
      errorOf(await desk.invoke('roster.dutySheet', { periodId: p.id, day: '2026-12-07' })),
    ).toMatchObject({ fields: { day: 'outside_period' } });
  });

  it('exports the roster to Excel: the grid and one typed row per shift, audited', async () => {
    const p = await period();
    await desk.call('roster.autoFill', { periodId: p.id });
    const before = lastAuditId(desk.t);
    const file = await desk.call('roster.export', { periodId: p.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排班表', '值班明细']);
    const grid = workbook.worksheets[0]!;
    expect(grid.getRow(1).values).toEqual([
      undefined,
      '岗位',
      '班次',
      MONDAY,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      SUNDAY,
    ]);
    expect(grid.rowCount).toBe(1 + 4);
    const detail = workbook.worksheets[1]!;
    expect(detail.rowCount).toBe(1 + 28);
    expect(detail.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(detail.getRow(2).getCell(4).value).toEqual(new Date('2026-11-29T16:00:00.000Z'));
    expect(auditRows(desk.t, before).map((a) => a.method)).toEqual(['roster.export']);
  });
});
