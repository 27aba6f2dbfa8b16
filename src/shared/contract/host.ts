import { z } from 'zod';
import type { HostOverview, HostStatus } from '../host';
import { method } from './define';
import { noInput } from './fields';

/** A PC name as typed in the address bar: letters, digits, hyphens and dots. */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
    message: 'host_name',
  });

export const hostMethods = {
  'host.get': method<HostOverview>()({ input: noInput, kind: 'read', access: 'settings.manage' }),
  // Public: the sign-in page opened through the host shows the certificate's fingerprint.
  'host.status': method<HostStatus>()({ input: noInput, kind: 'read', access: 'public' }),
  'host.set': method<HostOverview>()({
    input: z.strictObject({
      enabled: z.boolean(),
      /** '' listens on every address of this PC. */
      address: z.union([z.literal(''), z.ipv4()]),
      port: z.int().min(1024).max(65535),
      names: z.array(hostName).max(8),
    }),
    kind: 'write',
    access: 'settings.manage',
  }),
};
