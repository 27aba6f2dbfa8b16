import { z } from 'zod';
import type { AuthStatus } from '../accounts';
import { method } from './define';
import { name, optionalText, password, username } from './fields';

export const setupMethods = {
  'setup.initialize': method<AuthStatus>()({
    input: z.strictObject({
      admin: z.strictObject({ username, displayName: name(40), password }),
      site: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('new'), name: name(80), address: optionalText(200) }),
        z.strictObject({ kind: z.literal('demo') }),
      ]),
    }),
    kind: 'write',
    access: 'public',
  }),
};
