import type { ReceiptImportPreview } from '@shared/stock';
import { initialChoice } from './importChoice';

/** The rows ticked at first: sound ones, except a repeated line or one dated too far back. */
export const initiallyChosen = (preview: ReceiptImportPreview) =>
  new Set(preview.rows.filter((r) => r.ok && initialChoice(r).include).map((r) => r.line));
