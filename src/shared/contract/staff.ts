import { z } from 'zod';
import { STAFF_ROLES, type Staff, type Unavailability } from '../roster';
import { method } from './define';
import { id, isoInstant, name, optionalText } from './fields';

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

export const staffMethods = {
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
};
