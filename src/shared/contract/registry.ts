import { z } from 'zod';
import type { Building, Floor, Site } from '../domain';
import { method } from './define';
import { id, name, optionalText } from './fields';

const includeRetired = z.boolean().default(false);

export const buildingCode = z
  .string()
  .trim()
  .min(1)
  .max(8)
  .regex(/^[A-Za-z0-9]+$/, { message: 'building_code' })
  .transform((s) => s.toUpperCase());

/** Chinese buildings count 1F as the ground floor and B1 below it: there is no floor 0. */
export const floorLevel = z
  .int()
  .min(-5)
  .max(200)
  .refine((level) => level !== 0, { message: 'floor_zero' });

export const registryMethods = {
  'sites.list': method<Site[]>()({
    input: z.strictObject({ includeRetired }),
    access: 'read',
  }),
  'sites.create': method<Site>()({
    input: z.strictObject({ name: name(80), address: optionalText(200) }),
    access: 'write',
  }),
  'sites.update': method<Site>()({
    input: z.strictObject({ id, name: name(80), address: optionalText(200) }),
    access: 'write',
  }),
  'sites.retire': method<Site>()({ input: z.strictObject({ id }), access: 'write' }),

  'buildings.list': method<Building[]>()({
    input: z.strictObject({ siteId: id, includeRetired }),
    access: 'read',
  }),
  'buildings.create': method<Building>()({
    input: z.strictObject({ siteId: id, code: buildingCode, name: name(80) }),
    access: 'write',
  }),
  'buildings.update': method<Building>()({
    input: z.strictObject({ id, code: buildingCode, name: name(80) }),
    access: 'write',
  }),
  'buildings.retire': method<Building>()({ input: z.strictObject({ id }), access: 'write' }),

  'floors.list': method<Floor[]>()({
    input: z.strictObject({ buildingId: id, includeRetired }),
    access: 'read',
  }),
  'floors.create': method<Floor>()({
    input: z.strictObject({ buildingId: id, level: floorLevel, name: optionalText(40) }),
    access: 'write',
  }),
  'floors.update': method<Floor>()({
    input: z.strictObject({ id, name: optionalText(40) }),
    access: 'write',
  }),
  'floors.retire': method<Floor>()({ input: z.strictObject({ id }), access: 'write' }),
};
