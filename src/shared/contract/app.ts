import type { AppInfo } from '../domain';
import { method } from './define';
import { noInput } from './fields';

export const appMethods = {
  // Before sign-in the app must know whether to show setup, and in which language.
  'app.info': method<AppInfo>()({ input: noInput, kind: 'read', access: 'public' }),
};
