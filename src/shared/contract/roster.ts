import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import {
  STAFF_ROLES,
  type AutoFillResult,
  type DutySheet,
  type Post,
  type RosterGrid,
  type RosterPeriod,
  type ShiftTemplate,
  type SlotCandidate,
  type Staff,
  type Unavailability,
} from '../roster';
import { method } from './define';
import { id, line, name, optionalText } from './fields';
import { day, isoInstant } from './people';

const mobileOrEmpty = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9})?$/, { message: 'mobile_format' })
  .default('');
const staffFields = {
  fullName: name(40),
  role: z.enum(STAFF_ROLES),
  unit: optionalText(60),
  phone: mobileOrEmpty,
  skills: z.array(name(30)).max(20).default([]),
  maxHoursWeek: z.int().min(1).max(168).default(48),
};
const postFields = {
  name: name(40),
  roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length),
  headCount: z.int().min(1).max(50),
  sortOrder: z.int().min(0).max(999).default(0),
  templateIds: z.array(id).max(12).default([]),
};
const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'time_format' });
const reason = line(200).optional();

export const rosterMethods = {
  'staff.list': method<Staff[]>()({
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    kind: 'read',
    access: 'roster.read',
  }),
  'staff.create': method<Staff>()({
    input: z.strictObject(staffFields),
    kind: 'write',
    access: 'roster.manage',
  }),
  /** Without `phone`, the number on file stays (lists show it masked, so it is not retyped). */
  'staff.update': method<Staff>()({
    input: z.strictObject({
      id,
      ...staffFields,
      phone: z
        .string()
        .trim()
        .regex(/^(1[3-9]\d{9})?$/, { message: 'mobile_format' })
        .optional(),
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'staff.setActive': method<Staff>()({
    input: z.strictObject({ id, active: z.boolean() }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'staff.unavailability': method<Unavailability[]>()({
    input: z.strictObject({ staffId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'staff.addUnavailability': method<Unavailability[]>()({
    input: z.strictObject({
      staffId: id,
      startsAt: isoInstant,
      endsAt: isoInstant,
      reason: name(100),
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'staff.removeUnavailability': method<null>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'posts.list': method<Post[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'posts.create': method<Post>()({
    input: z.strictObject({ siteId: id, ...postFields }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'posts.update': method<Post>()({
    input: z.strictObject({ id, ...postFields }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'shifts.list': method<ShiftTemplate[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'shifts.create': method<ShiftTemplate>()({
    input: z.strictObject({
      siteId: id,
      name: name(30),
      start: clock,
      end: clock,
      nextDay: z.boolean().default(false),
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.periods': method<RosterPeriod[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.createPeriod': method<RosterPeriod>()({
    input: z.strictObject({ siteId: id, startsOn: day, endsOn: day }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.grid': method<RosterGrid>()({
    input: z.strictObject({ periodId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.candidates': method<SlotCandidate[]>()({
    input: z.strictObject({ periodId: id, postId: id, templateId: id, day }),
    kind: 'read',
    access: 'roster.read',
  }),
  'roster.assign': method<RosterGrid>()({
    input: z.strictObject({ periodId: id, postId: id, templateId: id, day, staffId: id, reason }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.unassign': method<RosterGrid>()({
    input: z.strictObject({ assignmentId: id, reason }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.swap': method<RosterGrid>()({
    input: z.strictObject({ assignmentId: id, staffId: id, reason }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.autoFill': method<AutoFillResult>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'roster.publish': method<RosterPeriod>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.manage',
  }),
  /** A write so that every printed sheet (with phone numbers) is in the audit trail. */
  'roster.dutySheet': method<DutySheet>()({
    input: z.strictObject({ periodId: id, day }),
    kind: 'write',
    access: 'roster.read',
  }),
  /** A write so that every export is in the audit trail. */
  'roster.export': method<ExportedFile>()({
    input: z.strictObject({ periodId: id }),
    kind: 'write',
    access: 'roster.read',
  }),
};
