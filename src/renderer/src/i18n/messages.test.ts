import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { en } from './en';
import { zhCN } from './zh-CN';

describe('translations', () => {
  it('explain every error code main can send, in both languages', () => {
    for (const [language, messages] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const errors = messages.errors as Record<string, string>;
      const missing = ERROR_CODES.filter((code) => typeof errors[code] !== 'string');
      expect(missing, language).toEqual([]);
    }
  });
});
