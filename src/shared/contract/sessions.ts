import { z } from 'zod';
import type { DeviceSession } from '../sessions';
import { method } from './define';
import { noInput } from './fields';

/** A session's id as `sessions.list` gives it: the hex SHA-256 of its token. */
const sessionId = z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalid' });

/** Signed-in devices: an administrator sees each one and may end any but their own. */
export const sessionMethods = {
  'sessions.list': method<DeviceSession[]>()({
    input: noInput,
    kind: 'read',
    access: 'users.manage',
  }),
  'sessions.end': method<DeviceSession>()({
    input: z.strictObject({ id: sessionId }),
    kind: 'write',
    access: 'users.manage',
  }),
};
