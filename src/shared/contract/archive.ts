import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { ARCHIVE_DOMAINS, ARCHIVE_PASSWORD_MIN } from '../privacy';
import { method } from './define';

const protection = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('zip'),
    password: z
      .string()
      .min(ARCHIVE_PASSWORD_MIN, { message: 'archive_password_short' })
      .max(128, { message: 'password_long' }),
  }),
  // No default: a plain workbook with full ID numbers is a choice the administrator makes aloud.
  z.strictObject({ kind: z.literal('plain'), protectMyself: z.literal(true) }),
]);

export const archiveMethods = {
  /**
   * One domain's workbook, every table in full (numbers unmasked: the district's legal record), in
   * an AES-256 zip or, by explicit choice, plain. A write so that it is audited with the choice;
   * main also requires `personal.reveal`.
   */
  'archive.export': method<ExportedFile>()({
    input: z.strictObject({ domain: z.enum(ARCHIVE_DOMAINS), protection }),
    kind: 'write',
    access: 'privacy.manage',
  }),
};
