import { z } from 'zod';
import type { AuthStatus } from '../accounts';
import { method } from './define';
import { noInput, password, username } from './fields';

export const authMethods = {
  'auth.status': method<AuthStatus>()({ input: noInput, kind: 'read', access: 'public' }),
  'auth.login': method<AuthStatus>()({
    input: z.strictObject({ username, password: z.string().min(1).max(64) }),
    kind: 'write',
    access: 'public',
  }),
  'auth.logout': method<AuthStatus>()({ input: noInput, kind: 'write', access: 'session' }),
  'auth.lock': method<AuthStatus>()({ input: noInput, kind: 'write', access: 'session' }),
  'auth.unlock': method<AuthStatus>()({
    input: z.strictObject({ password: z.string().min(1).max(64) }),
    kind: 'write',
    access: 'session',
  }),
  'auth.changePassword': method<AuthStatus>()({
    input: z.strictObject({ current: z.string().min(1).max(64), next: password }),
    kind: 'write',
    access: 'session',
  }),
};
