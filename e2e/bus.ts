import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../src/shared/idNumber';
import { invoke } from './helpers';

/**
 * Close contacts off one bus (one per surname, born in `birthMonth` 'YYYY-MM'), registered and
 * checked into `roomIds` in order; returns how many were checked in.
 */
export async function checkInBus(
  page: Page,
  siteId: number,
  roomIds: number[],
  surnames: string,
  birthMonth: string,
  serial = '021',
): Promise<number> {
  const batch = await invoke<{ id: number }>(page, 'arrivals.create', {
    siteId,
    label: '南通汽车客运东站 接驳车',
    arrivedAt: new Date().toISOString(),
  });
  const people = [...surnames].map((surname, i) => {
    const dd = String(i + 1).padStart(2, '0');
    const first17 = `320602${birthMonth.replace('-', '')}${dd}${serial}`;
    return {
      fullName: `${surname}${i % 2 ? '建国' : '秀英'}`,
      gender: 'male',
      birthDate: `${birthMonth}-${dd}`,
      documentType: 'resident_id',
      documentNumber: first17 + residentIdCheckChar(first17),
      category: 'close_contact',
    };
  });
  const members = await invoke<{ stayId: number }[]>(page, 'arrivals.register', {
    batchId: batch.id,
    people,
  });
  await invoke(page, 'allocation.confirm', {
    batchId: batch.id,
    lines: members.map((m, i) => ({ stayId: m.stayId, roomId: roomIds[i]! })),
  });
  return members.length;
}
