import { z } from 'zod';

export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);

// Characters no one types into a form and that make text lie about itself: C0 and C1 controls
// (NUL, ESC …), bidi controls that reorder what is shown (a name displayed as something else),
// and zero-width characters (two names that look equal but are not, a number split invisibly).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * The one rule for text typed by people: refuses line breaks and tabs (unless `multiline`: notes
 * keep their lines), other control characters, bidi controls and zero-width characters, each
 * with its own field code. Every free-text field of the contract goes through it; a test walks
 * the contract to prove that none escapes.
 */
export function plainText(schema: z.ZodString, options: { multiline?: boolean } = {}): z.ZodString {
  return schema
    .refine((s) => options.multiline === true || !LINE_BREAK.test(s), { message: 'single_line' })
    .refine((s) => !CONTROL.test(s), { message: 'control_chars' })
    .refine((s) => !BIDI.test(s), { message: 'bidi_chars' })
    .refine((s) => !ZERO_WIDTH.test(s), { message: 'zero_width_chars' });
}

/** A trimmed single line of at most `max` characters (empty allowed). */
export const line = (max: number) => plainText(z.string().trim().max(max));

/** A trimmed, non-empty single-line name. */
export const name = (max: number) => plainText(z.string().trim().min(1).max(max));

/** Optional single-line text: an address, a unit, a reason. */
export const optionalText = (max: number) => line(max).default('');

/** Notes: several lines (and tabs) allowed, nothing else invisible. */
export const notes = (max: number) =>
  plainText(z.string().trim().max(max), { multiline: true }).default('');

export const noInput = z.strictObject({});

/**
 * The version of the record the form was based on (its read carried it): main refuses the write
 * with CONFLICT when another desk saved the record since. 0 means "no record yet" (a round reading
 * nobody has entered).
 */
export const expectedVersion = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

/** 8–64 characters, no composition rules (NIST SP 800-63B); common ones are refused in main. */
export const password = z
  .string()
  .min(8, { message: 'password_short' })
  .max(64, { message: 'password_long' });

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'username_chars' })
  .transform((s) => s.toLowerCase());

/** A keyset cursor as main hands it out (base64url); main's decodeCursor says `invalid` too. */
export const cursor = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]*$/, { message: 'invalid' });

/** A time of day, HH:MM. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });

/** A calendar day, YYYY-MM-DD, that exists. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'date_format',
    },
  );

/** An instant with its offset, as the renderer sends it. */
export const isoInstant = z.iso.datetime({ offset: true });

/** Lists of sites, buildings and floors leave the retired out unless asked. */
export const includeRetired = z.boolean().default(false);
