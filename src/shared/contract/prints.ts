import { z } from 'zod';
import type { OccupancyList, ReleaseNotice } from '../residents';
import { method } from './define';
import { id } from './fields';

export const printsMethods = {
  'prints.releaseNotice': method<ReleaseNotice>()({
    input: z.strictObject({ stayId: id }),
    kind: 'write',
    access: 'people.read',
  }),
  'prints.occupancy': method<OccupancyList>()({
    input: z.strictObject({ buildingId: id, floorId: id.optional() }),
    kind: 'read',
    access: 'people.read',
  }),
};
