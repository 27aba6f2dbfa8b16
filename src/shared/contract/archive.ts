import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { ARCHIVE_DOMAINS } from '../privacy';
import { method } from './define';

export const archiveMethods = {
  /**
   * One domain's workbook, every table in full (numbers unmasked: the district's legal record).
   * A write so that it is audited; main also requires `personal.reveal`.
   */
  'archive.export': method<ExportedFile>()({
    input: z.strictObject({ domain: z.enum(ARCHIVE_DOMAINS) }),
    kind: 'write',
    access: 'privacy.manage',
  }),
};
