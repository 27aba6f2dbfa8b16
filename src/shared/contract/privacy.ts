import { z } from 'zod';
import {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  type PurgePreview,
  type PurgeResult,
} from '../privacy';
import { method } from './define';
import { day, line, noInput } from './fields';

export const privacyMethods = {
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
