import { z } from 'zod';
import { STAFF_ROLES, type Post } from '../roster';
import { method } from './define';
import { id, name } from './fields';

const postFields = {
  name: name(40),
  roles: z.array(z.enum(STAFF_ROLES)).min(1, { message: 'roles_required' }).max(STAFF_ROLES.length),
  headCount: z.int().min(1).max(50),
  sortOrder: z.int().min(0).max(999).default(0),
  templateIds: z.array(id).max(12).default([]),
};

export const postMethods = {
  'posts.list': method<Post[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'roster.read',
  }),
  'posts.create': method<Post>()({
    input: z.strictObject({ siteId: id, ...postFields }),
    kind: 'write',
    access: 'roster.manage',
  }),
  'posts.update': method<Post>()({
    input: z.strictObject({ id, ...postFields }),
    kind: 'write',
    access: 'roster.manage',
  }),
};
