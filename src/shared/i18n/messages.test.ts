import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { FILE_LIMITS, FILE_REFUSAL_REASONS } from '../fileLimits';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

const LANGUAGES = [
  ['zh-CN', zhCN],
  ['en', en],
] as const;

describe('translations', () => {
  it('explain every error code main can send, in both languages', () => {
    for (const [language, messages] of LANGUAGES) {
      const errors = messages.errors as Record<string, string>;
      const missing = ERROR_CODES.filter((code) => typeof errors[code] !== 'string');
      expect(missing, language).toEqual([]);
    }
  });

  it('explain every reason a file can be refused for, in both languages', () => {
    for (const [language, messages] of LANGUAGES) {
      const reasons = messages.fileRefused as Record<string, string>;
      const missing = FILE_REFUSAL_REASONS.filter((r) => typeof reasons[r] !== 'string');
      expect(missing, language).toEqual([]);
      // Every limit's text shows the number it is about.
      const unnumbered = FILE_REFUSAL_REASONS.filter(
        (r) => r in FILE_LIMITS && !reasons[r]!.includes('{{limit}}'),
      );
      expect(unnumbered, language).toEqual([]);
    }
  });

  it('have the same shape in both languages, or fail to compile', () => {
    // @ts-expect-error: a catalogue missing sections is not a Messages (tsc checks the expectation).
    const partial: Messages = { app: en.app };
    // @ts-expect-error: nor is one with a key zh-CN does not have.
    const extra: Messages = { ...en, nav: { ...en.nav, nowhere: 'Nowhere' } };
    expect(Object.keys(partial).length).toBeLessThan(Object.keys(zhCN).length);
    expect(Object.keys(extra.nav)).toContain('nowhere');
  });
});
