import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import type { DailyReport } from '../reports';
import { method } from './define';
import { day, id } from './fields';

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
};
