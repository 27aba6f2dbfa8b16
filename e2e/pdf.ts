import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

export interface PrintedPdf {
  text: string;
  pages: number;
  /** "595.276 x 841.89 pts (A4)" as pdfinfo reports it. */
  pageSize: string;
}

/**
 * What the printer would get: the page rendered for print media by Chromium (the same engine as
 * Electron's print), then read back with poppler's pdftotext and pdfinfo.
 */
export async function printToPdf(page: Page, path: string): Promise<PrintedPdf> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return {
    text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }),
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN),
    pageSize: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}
