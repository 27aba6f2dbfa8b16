import { z } from 'zod';
import type { UserSummary } from '../accounts';
import { ROLES } from '../permissions';
import { method } from './define';
import { id, name, noInput, password, username } from './fields';

const roles = z
  .array(z.enum(ROLES))
  .min(1, { message: 'roles_required' })
  .max(ROLES.length)
  .transform((list) => [...new Set(list)]);

export const userMethods = {
  'users.list': method<UserSummary[]>()({ input: noInput, kind: 'read', access: 'users.manage' }),
  'users.create': method<UserSummary>()({
    input: z.strictObject({ username, displayName: name(40), password, roles }),
    kind: 'write',
    access: 'users.manage',
  }),
  'users.update': method<UserSummary>()({
    input: z.strictObject({ id, displayName: name(40), roles }),
    kind: 'write',
    access: 'users.manage',
  }),
  'users.setDisabled': method<UserSummary>()({
    input: z.strictObject({ id, disabled: z.boolean() }),
    kind: 'write',
    access: 'users.manage',
  }),
  'users.resetPassword': method<UserSummary>()({
    input: z.strictObject({ id, password }),
    kind: 'write',
    access: 'users.manage',
  }),
};
