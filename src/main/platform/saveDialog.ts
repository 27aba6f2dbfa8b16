import { join } from 'node:path';
import type { Language } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';

/** The file types an export can have, each with its name in the catalogue. */
const FILTER_TYPES = ['xlsx', 'csv', 'pdf'] as const;
type FilterType = (typeof FILTER_TYPES)[number];
const isFilterType = (extension: string): extension is FilterType =>
  (FILTER_TYPES as readonly string[]).includes(extension);

/**
 * The save dialog Electron shows for an export: the suggested name (物资报表_2026-11-29.xlsx) in
 * the Documents folder, filtered to its type, so a coordinator only presses Save.
 */
export function saveDialogFor(
  filename: string,
  documentsDir: string,
  language: Language,
): { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] } {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const words = messagesFor(language).saveDialog;
  return {
    title: words.title,
    defaultPath: join(documentsDir, filename),
    filters: isFilterType(extension) ? [{ name: words[extension], extensions: [extension] }] : [],
  };
}
