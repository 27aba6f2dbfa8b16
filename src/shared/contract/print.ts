import { z } from 'zod';
import type { ExportedFile } from '../accounts';
import { method } from './define';
import { plainText } from './fields';

/** A file name for the saved PDF: no path, no characters Windows refuses. */
const pdfName = plainText(
  z
    .string()
    .trim()
    .max(120)
    .regex(/^[^\\/:*?"<>|]+\.pdf$/i, { message: 'file_name' }),
);

export const printMethods = {
  /**
   * The calling window printed to an A4 PDF (what is on paper: the print preview's document).
   * Electron only; the browser shell answers NOT_AVAILABLE and the page prints instead.
   */
  'print.toPdf': method<ExportedFile>()({
    input: z.strictObject({ filename: pdfName }),
    kind: 'read',
    access: 'session',
  }),
};
