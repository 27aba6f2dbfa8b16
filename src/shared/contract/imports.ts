import { z } from 'zod';
import { FILE_LIMITS } from '../fileLimits';
import { IMPORT_FIELDS, type ImportPreview } from '../imports';
import { method } from './define';
import { id, name } from './fields';

/** A column index: a file wider than this is refused when it is read. */
const column = z
  .int()
  .min(0)
  .max(FILE_LIMITS.columns - 1);

export const importMethods = {
  /**
   * Reads a CSV or XLSX list of arrivals and checks every row as arrivals.register would, without
   * writing anything. The caller then registers the `person` of every row, or of the valid ones.
   */
  'arrivals.importPreview': method<ImportPreview>()({
    input: z.strictObject({
      batchId: id,
      fileName: name(200),
      base64: z.base64().max(7_000_000),
      mapping: z.partialRecord(z.enum(IMPORT_FIELDS), column).optional(),
    }),
    kind: 'read',
    access: 'people.manage',
  }),
};
