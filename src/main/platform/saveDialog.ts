import { join } from 'node:path';
import type { Language } from '../../shared/domain';

const FILTERS: Record<string, Record<Language, string>> = {
  xlsx: { 'zh-CN': 'Excel 工作簿', en: 'Excel workbook' },
  csv: { 'zh-CN': 'CSV 文件（逗号分隔）', en: 'CSV file' },
  pdf: { 'zh-CN': 'PDF 文件', en: 'PDF document' },
};

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
  const known = FILTERS[extension];
  return {
    title: language === 'en' ? 'Save the file' : '保存文件',
    defaultPath: join(documentsDir, filename),
    filters: known ? [{ name: known[language], extensions: [extension] }] : [],
  };
}
