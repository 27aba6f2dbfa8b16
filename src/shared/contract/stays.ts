import { z } from 'zod';
import { type StayRecord, CHECKOUT_KINDS } from '../people';
import { method } from './define';
import { id, line, name } from './fields';

export const stayMethods = {
  'stays.get': method<StayRecord>()({
    input: z.strictObject({ id }),
    kind: 'read',
    access: 'people.read',
  }),
  'stays.extend': method<StayRecord>()({
    input: z.strictObject({ id, days: z.int().min(1).max(30), reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.move': method<StayRecord>()({
    input: z.strictObject({ id, roomId: id, reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.checkOut': method<StayRecord>()({
    input: z.strictObject({
      id,
      kind: z.enum(CHECKOUT_KINDS),
      hospital: line(80).optional(),
      reason: line(200).optional(),
    }),
    kind: 'write',
    access: 'people.manage',
  }),
  'stays.cancel': method<StayRecord>()({
    input: z.strictObject({ id, reason: name(200) }),
    kind: 'write',
    access: 'people.manage',
  }),
};
