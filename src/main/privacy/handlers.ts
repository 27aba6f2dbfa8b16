import type { HandlerMap, MethodsOf } from '../services/handlerMap';
import { exportArchive } from './archiveExport';
import { purgePersonalData, purgePreview, updateRetention } from './purge';

/** Privacy: the retention rule, the purge of personal data and the archive taken before it. */
export const privacyHandlers: HandlerMap<MethodsOf<'privacy' | 'archive'>> = {
  'archive.export': exportArchive,
  'privacy.purgePreview': purgePreview,
  'privacy.setRetention': updateRetention,
  'privacy.purge': purgePersonalData,
};
