import { z } from 'zod';
import {
  type AuditPage,
  type AuditVerification,
  type ExportedFile,
  AUDIT_OUTCOMES,
} from '../accounts';
import { method } from './define';
import { id, line, noInput } from './fields';

const isoDate = z.iso.datetime({ offset: true });

export const auditFilter = z.strictObject({
  userId: id.optional(),
  method: line(64).optional(),
  entity: line(32).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditMethods = {
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
