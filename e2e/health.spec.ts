import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { expect, test } from './fixtures';
import { signIn } from './helpers';
import { roundStartedJustNow } from './rounds';
import { expectAnchoredFoot, printDailyReport } from './dailyReportPrint';

const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

/** Ten people, one per free room on floor 3 of the demo site's building A. */
const FLOOR = Array.from({ length: 10 }, (_, i) => {
  const dd = String(i + 1).padStart(2, '0');
  return {
    fullName: `测温${'一二三四五六七八九十'[i]}`,
    birthDate: `1990-01-${dd}`,
    // Area, birth date, sequence 011 (odd: male), check character.
    id: residentId(`320602199001${dd}011`),
  };
});

type Invoke = (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** Checks the ten in; returns each one's room, by name. */
async function checkInFloor(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ people }) => {
      const api = window.api as unknown as { invoke: Invoke };
      const must = async <T>(m: string, i: unknown): Promise<T> => {
        const r = await api.invoke(m, i);
        if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
        return r.value as T;
      };
      const [site] = await must<{ id: number }[]>('sites.list', { includeRetired: false });
      const rooms = await must<{ rows: { id: number; number: string }[] }>('rooms.page', {
        siteId: site!.id,
        search: 'A-3',
        statuses: ['available'],
        limit: 100,
      });
      const free = rooms.rows.filter((r) => /^A-3\d\d$/.test(r.number));
      const batch = await must<{ id: number }>('arrivals.create', {
        siteId: site!.id,
        label: '三楼测温',
        arrivedAt: new Date().toISOString(),
      });
      const members = await must<{ stayId: number; fullName: string }[]>('arrivals.register', {
        batchId: batch.id,
        people: people.map((p) => ({
          fullName: p.fullName,
          gender: 'male',
          birthDate: p.birthDate,
          documentType: 'resident_id',
          documentNumber: p.id,
          category: 'close_contact',
        })),
      });
      await must('allocation.confirm', {
        batchId: batch.id,
        lines: members.map((m, i) => ({ stayId: m.stayId, roomId: free[i]!.id })),
      });
      return Object.fromEntries(members.map((m, i) => [m.fullName, free[i]!.number]));
    },
    { people: FLOOR },
  );
}

test.use({ seed: 'demo' });

test('a floor of 10 typed with the keyboard, one fever, then its transfer in one step', async ({
  desk,
}, testInfo) => {
  const { page } = desk;
  await roundStartedJustNow(page, desk.demoPassword!);
  await signIn(page, 'coordinator', desk.demoPassword!);
  await expect(page.getByRole('button', { name: '健康监测' })).toBeVisible();
  const roomOf = await checkInFloor(page);
  await page.getByRole('button', { name: '健康监测' }).click();
  await page.getByLabel('楼层').click();
  await page.getByRole('option', { name: '3', exact: true }).click();
  const sheet = page.getByRole('table', { name: '体温巡查' });
  await expect(sheet.getByRole('row')).toHaveCount(11);

  // Keyboard only: type, Enter saves and moves to the next line.
  await page.getByLabel(`${FLOOR[0]!.fullName} 体温 ℃`).focus();
  for (const [i, p] of FLOOR.entries()) {
    await expect(page.getByLabel(`${p.fullName} 体温 ℃`)).toBeFocused();
    if (i === 3) {
      // A missing decimal point is refused with the likely reading, and the line keeps focus.
      await page.keyboard.type('382');
      await page.keyboard.press('Enter');
      await expect(sheet.getByRole('alert')).toContainText('是不是 38.2');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('38.2');
      await page.keyboard.press('Tab'); // to the first symptom: cough
      await page.keyboard.press('Space');
      await page.getByLabel(`${p.fullName} 体温 ℃`).focus();
      await page.keyboard.press('Enter');
      continue;
    }
    await page.keyboard.type(i % 2 === 0 ? '36.5' : '36.8');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('round-counts')).toHaveText(
    '应测 10 人 · 已测 10 人 · 未测 0 人 · 发热 1 人',
  );
  await expect(sheet.getByRole('row', { name: new RegExp(FLOOR[3]!.fullName) })).toContainText(
    '发热',
  );
  const alert = page.getByRole('alert').filter({ hasText: '发热 1 人待处理' });
  await expect(alert).toBeVisible();
  if (testInfo.project.name === 'browser')
    await page.screenshot({ path: 'docs/screenshots/health-round.png' });

  await alert.getByRole('button', { name: '去处理' }).click();
  const fever = page.getByRole('table', { name: '发热处置' });
  await expect(fever.getByRole('row', { name: new RegExp(FLOOR[3]!.fullName) })).toContainText(
    '38.2 ℃',
  );
  await expect(fever).toContainText('咳嗽');
  await fever.getByRole('button', { name: '转运' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('陪同人员').fill('陈医生');
  await dialog.getByLabel('车辆').fill('苏F·120 救护车');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已转运');
  await expect(alert).toBeHidden();
  await expect(page.getByText('目前没有未处理的发热人员。')).toBeVisible();

  // The room emptied by the transfer waits for disinfection.
  await page.getByRole('button', { name: '在住人员' }).click();
  await page.getByRole('tab', { name: /待消毒房间/ }).click();
  await expect(
    page.getByRole('grid').getByRole('row', { name: new RegExp(roomOf[FLOOR[3]!.fullName]!) }),
  ).toBeVisible();

  // The day's report: one A4 page, names masked, and the same day as an Excel file.
  await page.getByRole('button', { name: '统计报表' }).click();
  const onScreen = page.getByTestId('daily-report').first();
  await expect(onScreen).toContainText('24时在住');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^日报_\d{4}-\d{2}-\d{2}\.xlsx$/);
  if (testInfo.project.name === 'browser') {
    await expect(page.getByRole('button', { name: '打印 / PDF' })).toBeEnabled();
    await page.screenshot({ path: 'docs/screenshots/daily-report.png' });
  }
  if (testInfo.project.name !== 'browser') return; // page.pdf() is Chromium-headless only
  const { text } = await printDailyReport(page, testInfo.outputPath('daily-report.pdf'));
  expect(text).toContain('崇川区濠河集中隔离观察点日报');
  expect(text).toMatch(/24时在住9/);
  expect(text).toMatch(/转运1/);
  expect(text).toContain('测**');
  expect(text).not.toContain(FLOOR[3]!.fullName);
  expect(text).toContain('38.2℃');
  expect(text).toContain('已转运');
  // Its foot: the audit chain head, as anchored in the data folder when the report was produced.
  expectAnchoredFoot(text, desk.dataDir);
});
