import { describe, expect, it } from 'vitest';
import { noticeOrigin } from './noticeOrigin';

describe('noticeOrigin', () => {
  it("is SHA-256's own test vector, cut to 32 hex digits (as the page digests it)", () => {
    // FIPS 180-2, appendix B.1: SHA-256("abc"); the page's originOf is held to the same vector.
    expect(noticeOrigin('abc')).toBe('ba7816bf8f01cfea414140de5dae2223');
  });
});
