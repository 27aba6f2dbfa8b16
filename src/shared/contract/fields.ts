import { z } from 'zod';

export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);

/** A trimmed, non-empty single-line name. */
export const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n\t\0]/.test(s), { message: 'single_line' });

export const optionalText = (max: number) => z.string().trim().max(max).default('');

export const noInput = z.strictObject({});

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
