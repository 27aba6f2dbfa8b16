import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { MAX_DISTRICT_FILES, type DistrictSummary } from '../dayFile';
import type { DailyReport } from '../reports';
import { method } from './define';
import { day, id, name } from './fields';

export const reportMethods = {
  'reports.daily': method<DailyReport>()({
    input: z.strictObject({ siteId: id, day }),
    kind: 'read',
    access: 'people.read',
  }),
  /** A write so that every export is in the audit trail. */
  'reports.dailyExport': method<ExportedFile>()({
    input: z.strictObject({ siteId: id, day }),
    kind: 'write',
    access: 'people.read',
  }),
  /** The day's figures as a machine-readable file (DHIS2 dataValueSet JSON, or CSV); audited. */
  'reports.dayFileExport': method<ExportedFile>()({
    input: z.strictObject({ siteId: id, day, format: z.enum(['json', 'csv']) }),
    kind: 'write',
    access: 'people.read',
  }),
  /** Several sites' day files side by side: read and checked, nothing stored. */
  'reports.districtSummary': method<DistrictSummary>()({
    input: z.strictObject({
      files: z
        .array(z.strictObject({ fileName: name(200), base64: z.base64().max(7_000_000) }))
        .min(1)
        .max(MAX_DISTRICT_FILES)
        // Day files are a few kB: the files together stay far under one import's size.
        .refine((files) => files.reduce((n, f) => n + f.base64.length, 0) <= 28_000_000, {
          message: 'too_large',
        }),
    }),
    kind: 'read',
    access: 'people.read',
  }),
};
