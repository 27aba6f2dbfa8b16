import { z } from 'zod';
import type { FeverCase, TransferRecord } from '../health';
import { method } from './define';
import { id, isoInstant, name } from './fields';
import { temperature, symptoms } from './readings';

export const feverMethods = {
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
