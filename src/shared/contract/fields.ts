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
