import type { Messages } from '@shared/i18n/zh-CN';

/** The keys of one section of the catalogue, e.g. `SectionKey<'status'>` is `'available' | …`. */
export type SectionKey<S extends keyof Messages> = keyof Messages[S] & string;

/**
 * The catalogue key for a code main sends (an error, a field problem, a rule, a refusal reason).
 * The code arrives as a plain string, so it is cast here, in one place: that every code main can
 * send has its text in both languages is checked by messages.test.ts, and a missing one falls back
 * where the caller passes a fallback key.
 */
export const codeKey = <S extends keyof Messages>(section: S, code: string) =>
  `${section}.${code}` as KeyIn<S>;

/** A full key in one of the sections S (distributes, so a union of sections keeps each one's keys). */
type KeyIn<S extends keyof Messages> = S extends keyof Messages ? `${S}.${SectionKey<S>}` : never;
