import { z } from 'zod';
import type { ShiftTemplate } from '../roster';
import { method } from './define';
import { id, name } from './fields';

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'time_format' });

export const shiftMethods = {
  'shifts.list': method<ShiftTemplate[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'shifts.create': method<ShiftTemplate>()({
    input: z.strictObject({
      siteId: id,
      name: name(30),
      start: clock,
      end: clock,
      nextDay: z.boolean().default(false),
    }),
    kind: 'write',
    access: 'roster.manage',
  }),
};
