import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import {
  ARCHIVE_DOMAINS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  type PurgePreview,
  type PurgeResult,
} from '../privacy';
import { method } from './define';
import { line, noInput } from './fields';
import { day } from './people';

export const privacyMethods = {
  /**
   * One domain's workbook, every table in full (numbers unmasked: the district's legal record).
   * A write so that it is audited; main also requires `personal.reveal`.
   */
  'archive.export': method<ExportedFile>()({
    input: z.strictObject({ domain: z.enum(ARCHIVE_DOMAINS) }),
    kind: 'write',
    access: 'privacy.manage',
  }),
  'privacy.purgePreview': method<PurgePreview>()({
    input: noInput,
    kind: 'read',
    access: 'privacy.manage',
  }),
  'privacy.setRetention': method<PurgePreview>()({
    input: z.strictObject({ days: z.int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS) }),
    kind: 'write',
    access: 'privacy.manage',
  }),
  /** The cutoff shown in the preview (never later than the retention allows) and the phrase typed. */
  'privacy.purge': method<PurgeResult>()({
    input: z.strictObject({ cutoffDay: day, phrase: line(100) }),
    kind: 'write',
    access: 'privacy.manage',
  }),
};
