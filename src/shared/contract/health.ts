import { z } from 'zod';
import {
  MAX_ROUNDS_PER_DAY,
  SYMPTOMS,
  type FeverCase,
  type ReadingRecord,
  type RoundSheet,
  type RoundSummary,
  type TransferRecord,
} from '../health';
import { method } from './define';
import { id, name } from './fields';
import { day, isoInstant } from './people';

const slot = z
  .int()
  .min(0)
  .max(MAX_ROUNDS_PER_DAY - 1);
/** As typed, in °C: main turns it into tenths and refuses 373 or 3.73 with the likely reading. */
const temperature = z.number().finite();
const symptoms = z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]);

export const healthMethods = {
  'rounds.sheet': method<RoundSheet>()({
    input: z.strictObject({
      siteId: id,
      day,
      slot,
      buildingId: id.optional(),
      floorId: id.optional(),
    }),
    kind: 'read',
    access: 'people.read',
  }),
  'rounds.summary': method<RoundSummary[]>()({
    input: z.strictObject({ siteId: id, day }),
    kind: 'read',
    access: 'people.read',
  }),
  'readings.record': method<ReadingRecord>()({
    input: z.strictObject({ stayId: id, day, slot, temperature, symptoms }),
    kind: 'write',
    access: 'health.record',
  }),
  'readings.ofStay': method<ReadingRecord[]>()({
    input: z.strictObject({ stayId: id }),
    kind: 'read',
    access: 'people.read',
  }),
  'fever.list': method<FeverCase[]>()({
    input: z.strictObject({ siteId: id, status: z.enum(['open', 'all']).default('open') }),
    kind: 'read',
    access: 'people.read',
  }),
  'fever.recheck': method<FeverCase>()({
    input: z.strictObject({ caseId: id, temperature, symptoms }),
    kind: 'write',
    access: 'health.record',
  }),
  'fever.transfer': method<TransferRecord>()({
    input: z.strictObject({
      caseId: id,
      hospital: name(80),
      departedAt: isoInstant,
      escort: name(40),
      vehicle: name(40),
    }),
    kind: 'write',
    access: 'health.record',
  }),
};
