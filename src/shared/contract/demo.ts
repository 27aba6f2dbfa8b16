import { method } from './define';
import { noInput } from './fields';

export const demoMethods = {
  'demo.load': method<{ siteId: number }>()({
    input: noInput,
    kind: 'write',
    access: 'settings.manage',
  }),
};
