import { z } from 'zod';
import type { Site } from '../domain';
import { method } from './define';
import { id, includeRetired, name, optionalText } from './fields';

export const siteMethods = {
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
};
