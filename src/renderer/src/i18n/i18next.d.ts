import 'i18next';
import type { zhCN } from '@shared/i18n/zh-CN';

// t() knows the catalogue: a key that is not in it fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
