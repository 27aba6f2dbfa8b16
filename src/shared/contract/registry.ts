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
    kind: 'read',
    access: 'registry.read',
  }),
  'sites.create': method<Site>()({
    input: z.strictObject({ name: name(80), address: optionalText(200) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'sites.update': method<Site>()({
    input: z.strictObject({ id, name: name(80), address: optionalText(200) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'sites.retire': method<Site>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'registry.manage',
  }),

  'buildings.list': method<Building[]>()({
    input: z.strictObject({ siteId: id, includeRetired }),
    kind: 'read',
    access: 'registry.read',
  }),
  'buildings.create': method<Building>()({
    input: z.strictObject({ siteId: id, code: buildingCode, name: name(80) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'buildings.update': method<Building>()({
    input: z.strictObject({ id, code: buildingCode, name: name(80) }),
    kind: 'write',
    access: 'registry.manage',
  }),
  'buildings.retire': method<Building>()({
    input: z.strictObject({ id }),
    kind: 'write',
    access: 'registry.manage',
  }),

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
