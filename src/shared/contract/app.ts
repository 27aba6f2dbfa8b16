import { z } from 'zod';
import { LANGUAGES, type AppInfo, type Settings } from '../domain';
import { method } from './define';
import { noInput } from './fields';

export const appMethods = {
  'app.info': method<AppInfo>()({ input: noInput, access: 'read' }),
  'settings.get': method<Settings>()({ input: noInput, access: 'read' }),
  'settings.update': method<Settings>()({
    input: z.strictObject({ language: z.enum(LANGUAGES) }),
    access: 'write',
  }),
  'demo.load': method<{ siteId: number }>()({ input: noInput, access: 'write' }),
};
