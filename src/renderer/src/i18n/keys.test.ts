import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '@shared/i18n/en';
import { zhCN } from '@shared/i18n/zh-CN';
import { codeKey } from './keys';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

describe('typed t()', () => {
  it('reads the shared catalogue in both languages', () => {
    expect(i18n.t('nav.rooms')).toBe(zhCN.nav.rooms);
    expect(i18n.t('nav.rooms', { lng: 'en' })).toBe(en.nav.rooms);
  });

  it('refuses a key that is not in the catalogue at compile time', () => {
    // @ts-expect-error: no such key, so this line must not compile (tsc checks the expectation).
    expect(i18n.t('nav.nowhere')).toBe('nav.nowhere');
  });

  it('builds keys from the codes main sends, falling back when a code has no text', () => {
    expect(i18n.t(codeKey('staffRole', 'nurse'))).toBe(zhCN.staffRole.nurse);
    expect(i18n.t([codeKey('fieldErrors', 'no_such_code'), 'fieldErrors.invalid'])).toBe(
      zhCN.fieldErrors.invalid,
    );
  });
});
