import { z } from 'zod';
import type { AllocationPlan, BatchMember, Origin, StayRecord } from '../people';
import { CATEGORIES, CHECKOUT_KINDS, DOCUMENT_TYPES, GENDERS } from '../people';
import { method } from './define';
import { id, line, name, noInput, notes, optionalText } from './fields';

/** A calendar day, YYYY-MM-DD, that exists. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'date_format',
    },
  );

/** Mainland mobile: 11 digits starting with 1 (empty when unknown). */
const mobile = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9})?$/, { message: 'mobile_format' })
  .default('');

export const personInput = z.strictObject({
  fullName: name(40),
  gender: z.enum(GENDERS),
  birthDate: day,
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: name(32),
  phone: mobile,
  category: z.enum(CATEGORIES),
  originId: id.optional(),
  pregnant: z.boolean().default(false),
  chronicIllness: z.boolean().default(false),
  disability: z.boolean().default(false),
  emergencyContact: optionalText(40),
  emergencyPhone: mobile,
  notes: notes(500),
  household: line(20).optional(),
  lastExposureDate: day.optional(),
});

export type PersonInputParsed = z.output<typeof personInput>;

export const isoInstant = z.iso.datetime({ offset: true });

export const peopleMethods = {
  'origins.list': method<Origin[]>()({ input: noInput, kind: 'read', access: 'people.read' }),
  'allocation.suggest': method<AllocationPlan>()({
    input: z.strictObject({ batchId: id }),
    kind: 'read',
    access: 'people.manage',
  }),
  'allocation.confirm': method<BatchMember[]>()({
    input: z.strictObject({
      batchId: id,
      lines: z
        .array(z.strictObject({ stayId: id, roomId: id }))
        .min(1)
        .max(2000),
    }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.get': method<StayRecord>()({
    input: z.strictObject({ id }),
    kind: 'read',
    access: 'people.read',
  }),
  'stays.extend': method<StayRecord>()({
    input: z.strictObject({ id, days: z.int().min(1).max(30), reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.move': method<StayRecord>()({
    input: z.strictObject({ id, roomId: id, reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.checkOut': method<StayRecord>()({
    input: z.strictObject({
      id,
      kind: z.enum(CHECKOUT_KINDS),
      hospital: line(80).optional(),
      reason: line(200).optional(),
    }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.cancel': method<StayRecord>()({
    input: z.strictObject({ id, reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
  /** A write so that every printed notice is in the audit trail. */
};
