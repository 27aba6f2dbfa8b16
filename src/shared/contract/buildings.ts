import { z } from 'zod';
import type { Building } from '../domain';
import { method } from './define';
import { id, includeRetired, name } from './fields';

export const buildingCode = z
  .string()
  .trim()
  .min(1)
  .max(8)
  .regex(/^[A-Za-z0-9]+$/, { message: 'building_code' })
  .transform((s) => s.toUpperCase());

export const buildingMethods = {
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
};
