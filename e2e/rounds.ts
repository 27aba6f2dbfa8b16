import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { invoke, signIn } from './helpers';

type Invoke = (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/**
 * The round must be under way whatever the hour the suite runs: the administrator sets a single
 * round that began five minutes ago (site time), then signs out.
 */
export async function roundStartedJustNow(page: Page, adminPassword: string): Promise<void> {
  await signIn(page, 'admin', adminPassword);
  await expect(page.getByRole('button', { name: '系统管理' })).toBeVisible();
  await page.evaluate(async () => {
    const api = window.api as unknown as { invoke: Invoke };
    const siteClock = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
    const start = siteClock.format(fiveMinutesAgo);
    // Just after midnight the round starts at 00:00 of the new day.
    const time = start > siteClock.format(new Date()) ? '00:00' : start;
    const saved = await api.invoke('settings.updateHealth', {
      roundTimes: [time],
      roundWindowMinutes: 120,
      feverThresholdTenths: 373,
      recheckMinutes: 30,
      restartRoommatesObservation: true,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    await api.invoke('auth.logout', {});
  });
  await page.reload();
}

/** One person checked into the first free room on floor 3 of building A; returns the room. */
export async function checkInOne(
  page: Page,
  siteId: number,
  person: { fullName: string; birthDate: string; id: string },
  gender: 'male' | 'female',
  label: string,
): Promise<string> {
  const rooms = await invoke<{ rows: { id: number; number: string }[] }>(page, 'rooms.page', {
    siteId,
    search: 'A-3',
    statuses: ['available'],
    limit: 100,
  });
  const room = rooms.rows.find((r) => /^A-3\d\d$/.test(r.number))!;
  const batch = await invoke<{ id: number }>(page, 'arrivals.create', {
    siteId,
    label,
    arrivedAt: new Date().toISOString(),
  });
  const [member] = await invoke<{ stayId: number }[]>(page, 'arrivals.register', {
    batchId: batch.id,
    people: [
      {
        fullName: person.fullName,
        gender,
        birthDate: person.birthDate,
        documentType: 'resident_id',
        documentNumber: person.id,
        category: 'close_contact',
      },
    ],
  });
  await invoke(page, 'allocation.confirm', {
    batchId: batch.id,
    lines: [{ stayId: member!.stayId, roomId: room.id }],
  });
  return room.number;
}
