import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/domain';
import { zhCN } from '@shared/i18n/zh-CN';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** English is loaded when first chosen: most desks never do, and the first script stays smaller. */
async function loadCatalogue(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { en } = await import('@shared/i18n/en');
  i18next.addResourceBundle(language, 'translation', en);
}

export async function applyLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18next;
