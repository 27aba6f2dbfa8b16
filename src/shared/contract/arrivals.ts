import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { FILE_LIMITS } from '../fileLimits';
import { IMPORT_FIELDS, type ImportPreview } from '../imports';
import type { ArrivalBatch, BatchMember } from '../people';
import { method } from './define';
import { id, isoInstant, name, noInput, notes } from './fields';
import { personInput } from './people';

/** A column index: a file wider than this is refused when it is read. */
const column = z
  .int()
  .min(0)
  .max(FILE_LIMITS.columns - 1);

export const arrivalMethods = {
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
  /** An .xlsx with every header the import reads and two example rows, to fill in. */
  'arrivals.importTemplate': method<ExportedFile>()({
    input: noInput,
    kind: 'read',
    access: 'people.manage',
  }),
  'arrivals.create': method<ArrivalBatch>()({
    input: z.strictObject({
      siteId: id,
      label: name(80),
      arrivedAt: isoInstant,
      expectedCount: z.int().min(1).max(2000).optional(),
      notes: notes(500),
    }),
    kind: 'write',
    access: 'people.manage',
  }),
  'arrivals.list': method<ArrivalBatch[]>()({
    input: z.strictObject({ siteId: id }),
    kind: 'read',
    access: 'people.read',
  }),
  'arrivals.members': method<BatchMember[]>()({
    input: z.strictObject({ batchId: id }),
    kind: 'read',
    access: 'people.read',
  }),
  'arrivals.register': method<BatchMember[]>()({
    input: z.strictObject({ batchId: id, people: z.array(personInput).min(1).max(500) }),
    kind: 'write',
    access: 'people.manage',
  }),
};
