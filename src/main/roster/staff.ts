import type { Staff, StaffEntry, StaffRole, Unavailability } from '../../shared/roster';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError, notFound } from '../services/errors';
import { maskPhone } from '../services/masking';

interface StaffRow {
  id: number;
  full_name: string;
  role: StaffRole;
  unit: string;
  phone: string;
  skills: string;
  max_hours_week: number;
  active: number;
}

const toStaff = (r: StaffRow): Staff => ({
  id: r.id,
  fullName: r.full_name,
  role: r.role,
  unit: r.unit,
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  skills: JSON.parse(r.skills) as string[],
  maxHoursWeek: r.max_hours_week,
  active: r.active === 1,
});

export type StaffInput = StaffEntry;

export function listStaff(ctx: ServiceContext, input: { includeInactive: boolean }): Staff[] {
  return ctx.db
    .prepare<[number], StaffRow>(
      'SELECT * FROM staff WHERE (? OR active = 1) ORDER BY active DESC, role, full_name, id',
    )
    .all(input.includeInactive ? 1 : 0)
    .map(toStaff);
}

export function getStaff(ctx: ServiceContext, id: number): Staff {
  const row = ctx.db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
  if (!row) throw notFound('staff', id);
  return toStaff(row);
}

export function createStaff(ctx: ServiceContext, input: StaffInput): Staff {
  const at = isoNow(ctx);
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO staff (full_name, role, unit, phone, skills, max_hours_week, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.fullName,
      input.role,
      input.unit,
      input.phone,
      JSON.stringify([...new Set(input.skills)]),
      input.maxHoursWeek,
      at,
      at,
    );
  return getStaff(ctx, Number(lastInsertRowid));
}

export function updateStaff(
  ctx: ServiceContext,
  input: Omit<StaffInput, 'phone'> & { id: number; phone?: string | undefined },
): Staff {
  getStaff(ctx, input.id);
  const phone =
    input.phone ??
    (ctx.db.prepare('SELECT phone FROM staff WHERE id = ?').pluck().get(input.id) as string);
  ctx.db
    .prepare(
      `UPDATE staff SET full_name = ?, role = ?, unit = ?, phone = ?, skills = ?, max_hours_week = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      input.fullName,
      input.role,
      input.unit,
      phone,
      JSON.stringify([...new Set(input.skills)]),
      input.maxHoursWeek,
      isoNow(ctx),
      input.id,
    );
  return getStaff(ctx, input.id);
}

/** Staff leave the roster by becoming inactive; their past shifts stay as they were. */
export function setStaffActive(ctx: ServiceContext, input: { id: number; active: boolean }): Staff {
  getStaff(ctx, input.id);
  ctx.db
    .prepare('UPDATE staff SET active = ?, updated_at = ? WHERE id = ?')
    .run(input.active ? 1 : 0, isoNow(ctx), input.id);
  return getStaff(ctx, input.id);
}

export function listUnavailability(
  ctx: ServiceContext,
  input: { staffId: number },
): Unavailability[] {
  getStaff(ctx, input.staffId);
  return ctx.db
    .prepare<
      [number],
      { id: number; staff_id: number; starts_at: string; ends_at: string; reason: string }
    >('SELECT * FROM staff_unavailability WHERE staff_id = ? ORDER BY starts_at, id')
    .all(input.staffId)
    .map((u) => ({
      id: u.id,
      staffId: u.staff_id,
      startsAt: u.starts_at,
      endsAt: u.ends_at,
      reason: u.reason,
    }));
}

/** Leave, days off, or the staff member's own quarantine: no shift may fall in it. */
export function addUnavailability(
  ctx: ServiceContext,
  input: { staffId: number; startsAt: string; endsAt: string; reason: string },
): Unavailability[] {
  getStaff(ctx, input.staffId);
  assertBusinessDates(ctx, { startsAt: input.startsAt, endsAt: input.endsAt });
  const start = new Date(input.startsAt).toISOString();
  const end = new Date(input.endsAt).toISOString();
  if (end <= start) {
    throw new DomainError(
      'INVALID_INPUT',
      'The end comes before the start',
      {},
      { endsAt: 'before_start' },
    );
  }
  ctx.db
    .prepare(
      'INSERT INTO staff_unavailability (staff_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)',
    )
    .run(input.staffId, start, end, input.reason);
  return listUnavailability(ctx, { staffId: input.staffId });
}

export function removeUnavailability(ctx: ServiceContext, input: { id: number }): null {
  const row = ctx.db
    .prepare<[number], { id: number }>('SELECT id FROM staff_unavailability WHERE id = ?')
    .get(input.id);
  if (!row) throw notFound('staff_unavailability', input.id);
  ctx.db.prepare('DELETE FROM staff_unavailability WHERE id = ?').run(input.id);
  return null;
}
