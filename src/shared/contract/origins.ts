import type { Origin } from '../people';
import { method } from './define';
import { noInput } from './fields';

export const originMethods = {
  'origins.list': method<Origin[]>()({ input: noInput, kind: 'read', access: 'people.read' }),
};
