import { z } from 'zod';
import { SYMPTOMS, type ReadingRecord } from '../health';
import { method } from './define';
import { day, expectedVersion, id } from './fields';
import { slot } from './rounds';

/** As typed, in °C: main turns it into tenths and refuses 373 or 3.73 with the likely reading. */
export const temperature = z.number().finite();

export const symptoms = z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]);

export const readingMethods = {
  'readings.record': method<ReadingRecord>()({
    input: z.strictObject({ stayId: id, day, slot, temperature, symptoms, expectedVersion }),
    kind: 'write',
    access: 'health.record',
  }),
  'readings.ofStay': method<ReadingRecord[]>()({
    input: z.strictObject({ stayId: id }),
    kind: 'read',
    access: 'people.read',
  }),
};
