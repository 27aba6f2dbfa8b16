import { z } from 'zod';
import { CATEGORIES, DOCUMENT_TYPES, GENDERS } from '../people';
import type { PersonHistory, RevealedNumbers } from '../residents';
import { method } from './define';
import { day, expectedVersion, id, line, name, notes, optionalText } from './fields';

/** Mainland mobile: 11 digits starting with 1 (empty when unknown). */
const mobile = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9})?$/, { message: 'mobile_format' })
  .default('');

export const personInput = z.strictObject({
  fullName: name(40),
  gender: z.enum(GENDERS),
  /** Unknown on passports and permits when the list has none; a resident ID gives its own. */
  birthDate: day.nullable().default(null),
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
  /** 来源街道 / 来源地 as the list writes it (the origin list's street goes in originId). */
  originPlace: optionalText(60),
  /** 户籍地. */
  registeredResidence: optionalText(60),
  /** 车次/航班: how they travelled here. */
  travel: optionalText(40),
});

export type PersonInputParsed = z.output<typeof personInput>;

export const peopleMethods = {
  'people.history': method<PersonHistory>()({
    input: z.strictObject({ personId: id }),
    kind: 'read',
    access: 'people.read',
  }),
  /** A birth date the list did not give (a passport without one), filled in later. */
  'people.setBirthDate': method<PersonHistory>()({
    input: z.strictObject({ personId: id, birthDate: day, expectedVersion }),
    kind: 'write',
    access: 'people.manage',
  }),
  /** A write so that every reveal is in the audit trail. */
  'people.reveal': method<RevealedNumbers>()({
    input: z.strictObject({ personId: id }),
    kind: 'write',
    access: 'personal.reveal',
  }),
};
