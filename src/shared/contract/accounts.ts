import { z } from 'zod';
import type {
  AuditPage,
  AuditVerification,
  AuthStatus,
  ExportedFile,
  UserSummary,
} from '../accounts';
import { AUDIT_OUTCOMES } from '../accounts';
import { ROLES } from '../permissions';
import { method } from './define';
import { id, line, name, noInput, optionalText, password, username } from './fields';

const roles = z
  .array(z.enum(ROLES))
  .min(1, { message: 'roles_required' })
  .max(ROLES.length)
  .transform((list) => [...new Set(list)]);

const isoDate = z.iso.datetime({ offset: true });

export const auditFilter = z.strictObject({
  userId: id.optional(),
  method: line(64).optional(),
  entity: line(32).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const accountMethods = {
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

  'audit.page': method<AuditPage>()({
    input: z.strictObject({
      filter: auditFilter.default({}),
      cursor: id.optional(),
      limit: z.int().min(1).max(100).default(50),
    }),
    kind: 'read',
    access: 'audit.read',
  }),
  'audit.verify': method<AuditVerification>()({
    input: noInput,
    kind: 'read',
    access: 'audit.read',
  }),
  // Writes: the export itself is an audited event.
  'audit.export': method<ExportedFile>()({
    input: z.strictObject({ filter: auditFilter.default({}), format: z.enum(['xlsx', 'csv']) }),
    kind: 'write',
    access: 'audit.read',
  }),
};

export type AuditFilter = z.output<typeof auditFilter>;
