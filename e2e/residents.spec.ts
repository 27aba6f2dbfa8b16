import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { addDays, siteDay } from '../src/shared/siteDate';
import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { printToPdf } from './pdf';

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

const today = siteDay(new Date());
const PEOPLE = [
  // Exposed 14 days ago: observation ends today.
  {
    fullName: '钱卫东',
    id: residentId('32060219700102011'),
    gender: 'male',
    birth: '1970-01-02',
    exposure: addDays(today, -14),
  },
  // Ends tomorrow.
  {
    fullName: '孙海燕',
    id: residentId('32060219820304022'),
    gender: 'female',
    birth: '1982-03-04',
    exposure: addDays(today, -13),
  },
  { fullName: '李明', id: residentId('32060219900506031'), gender: 'male', birth: '1990-05-06' },
] as const;

/**
 * Registration and allocation have their own spec; here a bus is registered and checked in the
 * way the renderer does it (the preload's invoke), so this spec starts with people in rooms.
 */
async function checkInBus(page: Page): Promise<void> {
  await page.evaluate(
    async ({ people }) => {
      const api = window.api as unknown as {
        invoke: (
          m: string,
          i: unknown,
        ) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
      };
      const must = async <T>(m: string, i: unknown): Promise<T> => {
        const r = await api.invoke(m, i);
        if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
        return r.value as T;
      };
      const sites = await must<{ id: number }[]>('sites.list', { includeRetired: false });
      const batch = await must<{ id: number }>('arrivals.create', {
        siteId: sites[0]!.id,
        label: '高铁站接驳车 09:40',
        arrivedAt: new Date().toISOString(),
      });
      await must('arrivals.register', {
        batchId: batch.id,
        people: people.map((p) => ({
          fullName: p.fullName,
          gender: p.gender,
          birthDate: p.birth,
          documentType: 'resident_id',
          documentNumber: p.id,
          category: 'close_contact',
          ...('exposure' in p ? { lastExposureDate: p.exposure } : {}),
        })),
      });
      const plan = await must<{ lines: { stayId: number; roomId: number }[] }>(
        'allocation.suggest',
        { batchId: batch.id },
      );
      await must('allocation.confirm', {
        batchId: batch.id,
        lines: plan.lines.map((l) => ({ stayId: l.stayId, roomId: l.roomId })),
      });
    },
    { people: PEOPLE },
  );
}

test.use({ seed: 'demo' });

test('residents: due today and tomorrow, search by masked number, person history with an audited reveal', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '在住人员' })).toBeVisible();
  await checkInBus(page);
  await page.getByRole('button', { name: '在住人员' }).click();

  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('tab', { name: '今日期满及超期 1' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '明日期满 1' })).toBeVisible();
  // Lists mask the numbers; the visible last four find the person.
  await expect(grid).not.toContainText(PEOPLE[0].id);
  await page.getByLabel('姓名 / 房间 / 证件号首尾4位').fill(PEOPLE[1].id.slice(-4));
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid).toContainText('孙海燕');
  await page.getByLabel('姓名 / 房间 / 证件号首尾4位').fill('');

  await page.getByRole('tab', { name: /今日期满/ }).click();
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByRole('row', { name: /钱卫东/ })).toContainText('今日期满');
  if (test.info().project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/residents.png' });

  await grid
    .getByRole('row', { name: /钱卫东/ })
    .getByRole('gridcell', { name: '钱卫东' })
    .click();
  await expect(page.getByRole('heading', { name: '钱卫东' })).toBeVisible();
  await expect(page.getByTestId('document-number')).toHaveText(/^3206\*{10}/);
  const history = page.getByTestId('stay-card');
  await expect(history).toContainText('高铁站接驳车 09:40');
  await expect(history.getByRole('table', { name: '经过' })).toContainText('入住 A-');
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await expect(page.getByTestId('document-number')).toHaveText(PEOPLE[0].id);
  await expect(page.getByText('完整号码（已记入审计日志）')).toBeVisible();
  // Back returns to the list, as the browser's Back does.
  await page.goBack();
  await expect(page.getByRole('grid')).toBeVisible();
});

test('prints: a one-page A4 release notice, and the occupancy list of a building', async ({
  desk,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'page.pdf() is Chromium-headless only.');
  const { page } = desk;
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '在住人员' })).toBeVisible();
  await checkInBus(page);
  await page.getByRole('button', { name: '在住人员' }).click();
  await page.getByRole('tab', { name: /今日期满/ }).click();
  await page
    .getByRole('row', { name: /钱卫东/ })
    .getByRole('button', { name: '告知书' })
    .click();

  const preview = page.getByRole('dialog', { name: '解除集中隔离告知书' });
  await expect(preview.getByTestId('release-notice')).toContainText('钱卫东：');
  await page.screenshot({ path: testInfo.outputPath('notice-preview.png') });
  const notice = await printToPdf(page, testInfo.outputPath('notice.pdf'));
  expect(notice.pages).toBe(1);
  expect(notice.pageSize).toMatch(/\(A4\)/);
  const noticeText = notice.text.replace(/\s+/g, '');
  expect(noticeText).toContain('解除集中隔离告知书');
  expect(noticeText).toContain('钱卫东');
  // A coordinator may reveal numbers, so the notice carries the full ID (and the print is audited).
  expect(noticeText).toContain(PEOPLE[0].id);
  expect(noticeText).toContain('（盖章）');
  // Nothing of the app behind the preview reaches the paper.
  expect(noticeText).not.toContain('在住人员');
  await preview.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '打印入住名单' }).click();
  const occupancy = page.getByRole('dialog', { name: '打印入住名单' });
  await expect(occupancy.getByTestId('occupancy-list')).toContainText('钱卫东');
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/occupancy-print.png', animations: 'disabled' });
  const list = await printToPdf(page, testInfo.outputPath('occupancy.pdf'));
  expect(list.pageSize).toMatch(/\(A4\)/);
  // The demo's main building has 120 rooms over 6 floors: more than one page, headers repeated.
  expect(list.pages).toBeGreaterThan(1);
  const listText = list.text.replace(/\s+/g, '');
  for (const p of PEOPLE) {
    expect(listText).toContain(p.fullName);
    expect(listText).not.toContain(p.id);
  }
  expect(listText).toContain('入住人员名单');
  expect(listText).toContain('在住3人');
});
