import { z } from 'zod';
import { LANGUAGES, type AppInfo, type Settings } from '../domain';
import { method } from './define';
import { noInput } from './fields';

export const appMethods = {
  // Before sign-in the app must know whether to show setup, and in which language.
  'app.info': method<AppInfo>()({ input: noInput, kind: 'read', access: 'public' }),
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
  'demo.load': method<{ siteId: number }>()({
    input: noInput,
    kind: 'write',
    access: 'settings.manage',
  }),
};
