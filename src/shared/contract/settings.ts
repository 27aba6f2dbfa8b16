import { z } from 'zod';
import { LANGUAGES, type Settings } from '../domain';
import { MAX_ROUNDS_PER_DAY } from '../health';
import { method } from './define';
import { hhmm, noInput } from './fields';

/** Every settings.* method: the app-wide settings each domain's settings page edits. */
export const settingsMethods = {
  'settings.get': method<Settings>()({ input: noInput, kind: 'read', access: 'public' }),
  'settings.setLanguage': method<Settings>()({
    input: z.strictObject({ language: z.enum(LANGUAGES) }),
    kind: 'write',
    access: 'session',
  }),
  'settings.updateSecurity': method<Settings>()({
    input: z.strictObject({
      idleLockMinutes: z.int().min(1).max(240),
      sessionMaxHours: z.int().min(1).max(24),
    }),
    kind: 'write',
    access: 'settings.manage',
  }),
  'settings.updateObservation': method<Settings>()({
    input: z.strictObject({
      observationDays: z.int().min(1).max(60),
      allowUnrelatedSharing: z.boolean(),
    }),
    kind: 'write',
    access: 'settings.manage',
  }),
  'settings.updateHealth': method<Settings>()({
    input: z
      .strictObject({
        roundTimes: z.array(hhmm).min(1).max(MAX_ROUNDS_PER_DAY),
        roundWindowMinutes: z.int().min(15).max(720),
        feverThresholdTenths: z.int().min(370).max(385),
        recheckMinutes: z.int().min(5).max(240),
        restartRoommatesObservation: z.boolean(),
      })
      .refine((s) => s.roundTimes.every((t, i) => i === 0 || s.roundTimes[i - 1]! < t), {
        message: 'times_in_order',
        path: ['roundTimes'],
      }),
    kind: 'write',
    access: 'settings.manage',
  }),
  'settings.updateRoster': method<Settings>()({
    input: z.strictObject({ minRestHours: z.int().min(0).max(24) }),
    kind: 'write',
    access: 'settings.manage',
  }),
  'settings.updateStock': method<Settings>()({
    input: z.strictObject({ stockExpiryDays: z.int().min(1).max(365) }),
    kind: 'write',
    access: 'settings.manage',
  }),
  /** How many days back a receipt may be dated without an administrator. */
  'settings.updateReceiptBackdate': method<Settings>()({
    input: z.strictObject({ receiptBackdateDays: z.int().min(1).max(3650) }),
    kind: 'write',
    access: 'settings.manage',
  }),
};
