import { z } from 'zod';
import type { AllocationPlan, BatchMember } from '../people';
import { method } from './define';
import { id } from './fields';

export const allocationMethods = {
  'allocation.suggest': method<AllocationPlan>()({
    input: z.strictObject({ batchId: id }),
    kind: 'read',
    access: 'people.manage',
  }),
  'allocation.confirm': method<BatchMember[]>()({
    input: z.strictObject({
      batchId: id,
      lines: z
        .array(z.strictObject({ stayId: id, roomId: id }))
        .min(1)
        .max(2000),
    }),
    kind: 'write',
    access: 'people.manage',
  }),
};
