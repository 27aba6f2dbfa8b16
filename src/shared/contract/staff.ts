import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import {
  MAX_STAFF_IMPORT_ROWS,
  STAFF_ROLES,
  type Staff,
  type StaffImportPreview,
  type Unavailability,
} from '../roster';
import { method } from './define';
import { id, isoInstant, name, noInput, optionalText } from './fields';

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
  /** Reads a staff list (CSV or XLSX) and checks every row as staff.import will; writes nothing. */
  'staff.importPreview': method<StaffImportPreview>()({
    input: z.strictObject({ fileName: name(200), base64: z.base64().max(7_000_000) }),
    kind: 'read',
    access: 'roster.manage',
  }),
  /** The previewed rows chosen: every one is created, or none (a refused row names its line). */
  'staff.import': method<Staff[]>()({
    input: z.strictObject({
      rows: z
        .array(z.strictObject({ line: z.int().min(1).max(10_000_000), ...staffFields }))
        .min(1)
        .max(MAX_STAFF_IMPORT_ROWS),
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
  /** An empty staff list with the headers the import reads and two example rows (.xlsx). */
  'staff.importTemplate': method<ExportedFile>()({
    input: noInput,
    kind: 'read',
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
