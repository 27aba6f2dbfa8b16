import { z } from 'zod';
import { RESIDENT_SORTS, RESIDENT_VIEWS, type ResidentPage } from '../residents';
import { method } from './define';
import { cursor, id, line } from './fields';
import { MAX_PAGE_SIZE } from './rooms';

export const residentMethods = {
  'residents.page': method<ResidentPage>()({
    input: z.strictObject({
      siteId: id,
      view: z.enum(RESIDENT_VIEWS).default('in_residence'),
      search: line(40).optional(),
      sort: z.enum(RESIDENT_SORTS).default('room'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      cursor: cursor.optional(),
      limit: z.int().min(1).max(MAX_PAGE_SIZE).default(50),
    }),
    kind: 'read',
    access: 'people.read',
  }),
};
