import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { invoke, signIn } from './helpers';
import { printToPdf } from './pdf';

test.use({ seed: 'demo' });

/** pdftotext's pages (a form feed between them), each as its non-blank lines, trimmed. */
const pagesOf = (text: string): string[][] =>
  text
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);

/** A page of the PDF as a PNG beside it, to look at. */
const pagePng = (pdf: string, page: number) =>
  execFileSync('pdftoppm', ['-f', `${page}`, '-l', `${page}`, '-r', '70', '-png', pdf, pdf]);

const FLOOR_HEADING = /^\d+\s*层$/;

test('the occupancy list keeps each floor heading with its table, page after page', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'page.pdf() is Chromium-headless only.');
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await page.getByRole('button', { name: '在住人员' }).click();
  await page.getByRole('button', { name: '打印入住名单' }).click();
  await expect(page.getByRole('dialog').getByTestId('occupancy-list')).toBeVisible();
  const path = testInfo.outputPath('occupancy.pdf');
  const pdf = await printToPdf(page, path);
  pagePng(path, 2);

  const pages = pagesOf(pdf.text);
  // The demo's main building: 120 rooms over 6 floors, several pages.
  expect(pages.length).toBeGreaterThan(2);
  const headings = pages.flat().filter((line) => FLOOR_HEADING.test(line));
  expect(new Set(headings).size).toBeGreaterThanOrEqual(6);
  pages.forEach((lines, i) => {
    // Never "3 层" alone at a page foot, its rooms on the next page.
    expect(lines.at(-1), `last line of page ${i + 1}`).not.toMatch(FLOOR_HEADING);
    // A page that goes on with a floor says which floor, with the column heads.
    if (i > 0) {
      expect(lines[0], `first line of page ${i + 1}`).toMatch(FLOOR_HEADING);
      expect(lines[1]).toMatch(/^房间\s+姓名/);
    }
  });
});

/** Seven posts round the clock on three shifts, their staff, a week auto-filled and published. */
async function sevenPostsThreeShifts(page: Page, siteId: number): Promise<void> {
  const shift = (name: string, start: string, end: string) =>
    invoke<{ id: number }>(page, 'shifts.create', { siteId, name, start, end });
  const shifts = [
    await shift('白班', '08:00', '16:00'),
    await shift('中班', '16:00', '24:00'),
    await shift('夜班', '00:00', '08:00'),
  ].map((s) => s.id);
  const posts: [string, string][] = [
    ['门岗', 'security'],
    ['医疗点', 'nurse'],
    ['消杀组', 'cleaning'],
    ['物资保障组', 'logistics'],
    ['信息登记组', 'community'],
    ['转运车辆', 'driver'],
    ['带班领导', 'coordinator'],
  ];
  const surnames = ['陈', '卢', '郭', '王', '朱', '何', '蔡', '姜', '葛', '谭', '钱', '周'];
  const given = ['志刚', '建华', '文杰', '允俊', '煜元', '秀英'];
  for (const [p, [name, role]] of posts.entries()) {
    await invoke(page, 'posts.create', {
      siteId,
      name,
      roles: [role],
      headCount: 1,
      templateIds: shifts,
    });
    // Six a post: three shifts a day, each with rest between.
    for (let i = 0; i < 6; i++)
      await invoke(page, 'staff.create', {
        fullName: `${surnames[(p + i) % surnames.length]}${given[i]}`,
        role,
        phone: `1391234${String(p * 10 + i).padStart(4, '0')}`,
      });
  }
  const today = siteDay(new Date());
  const period = await invoke<{ id: number }>(page, 'roster.createPeriod', {
    siteId,
    startsOn: today,
    endsOn: addDays(today, 6),
  });
  await invoke(page, 'roster.autoFill', { periodId: period.id });
  await invoke(page, 'roster.publish', { periodId: period.id });
}

test('the duty sheet of seven posts on three shifts is one A4 page', async ({ desk }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'page.pdf() is Chromium-headless only.');
  const { page } = desk;
  await signIn(page, 'admin', desk.demoPassword!);
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  const sites = await invoke<{ id: number }[]>(page, 'sites.list', { includeRetired: false });
  await sevenPostsThreeShifts(page, sites[0]!.id);
  await page.getByRole('navigation').getByRole('button', { name: '值班排班' }).click();
  await page.getByRole('button', { name: '打印值班表' }).click();
  const sheet = page.getByRole('dialog').getByTestId('duty-sheet');
  await expect(sheet).toContainText('带班领导');
  const path = testInfo.outputPath('duty.pdf');
  const pdf = await printToPdf(page, path);
  pagePng(path, 1);
  expect(pdf.pageSize).toMatch(/\(A4\)$/);
  expect(pdf.pages).toBe(1);
  const text = pdf.text.replace(/\s+/g, '');
  for (const post of [
    '门岗',
    '医疗点',
    '消杀组',
    '物资保障组',
    '信息登记组',
    '转运车辆',
    '带班领导',
  ])
    expect(text).toContain(post);
  for (const hours of ['08:00–16:00', '16:00–24:00', '00:00–08:00']) expect(text).toContain(hours);
  expect(text).toContain('交接班记录');
});
