import { z } from 'zod';
import { MAX_ROUNDS_PER_DAY, type RoundSheet, type RoundSummary } from '../health';
import { method } from './define';
import { day, id } from './fields';

export const slot = z
  .int()
  .min(0)
  .max(MAX_ROUNDS_PER_DAY - 1);

export const roundMethods = {
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
};
