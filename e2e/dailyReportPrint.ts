import type { Page } from '@playwright/test';
import { readAnchors } from '../src/main/accounts/auditAnchors/anchorsFile';
import { expect } from './fixtures';
import { printToPdf, type PrintedPdf } from './pdf';

/**
 * The daily report from its page's print button to PDF: always one A4 page. `text` is the
 * page's text with all white space removed.
 */
export async function printDailyReport(
  page: Page,
  path: string,
): Promise<{ pdf: PrintedPdf; text: string }> {
  await page.getByRole('button', { name: '打印 / PDF' }).click();
  await expect(page.getByRole('dialog').getByTestId('daily-report')).toBeVisible();
  const pdf = await printToPdf(page, path);
  expect(pdf.pages).toBe(1);
  expect(pdf.pageSize).toMatch(/\(A4\)/);
  return { pdf, text: pdf.text.replace(/\s+/g, '') };
}

/** The report's foot: the audit chain head, as anchored in the data folder when it was produced. */
export function expectAnchoredFoot(text: string, dataDir: string): void {
  const foot = /审计日志链头：共(\d+)条，末条哈希([0-9a-f]{16})/.exec(text);
  expect(foot).not.toBeNull();
  expect(readAnchors(dataDir).map((a) => `${a.count} ${a.headHash.slice(0, 16)}`)).toContain(
    `${foot![1]} ${foot![2]}`,
  );
}
