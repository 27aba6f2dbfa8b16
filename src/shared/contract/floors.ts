import { z } from 'zod';
import type { Floor } from '../domain';
import { method } from './define';
import { id, includeRetired, optionalText } from './fields';

/** Chinese buildings count 1F as the ground floor and B1 below it: there is no floor 0. */
export const floorLevel = z
  .int()
  .min(-5)
  .max(200)
  .refine((level) => level !== 0, { message: 'floor_zero' });

export const floorMethods = {
  'floors.list': method<Floor[]>()({
    input: z.strictObject({ buildingId: id, includeRetired }),
    kind: 'read',
    access: 'registry.read',
  }),
  'floors.create': method<Floor>()({
    input: z.strictObject({ buildingId: id, level: floorLevel, name: optionalText(40) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'floors.update': method<Floor>()({
    input: z.strictObject({ id, name: optionalText(40) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'floors.retire': method<Floor>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'registry.manage',
  }),
};
