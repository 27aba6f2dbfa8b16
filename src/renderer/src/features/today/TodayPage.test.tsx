import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@shared/permissions';
import type { TodayOverview } from '@shared/today';
import { queryClient } from '@renderer/api/queryClient';
import { installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { TodayPage } from './TodayPage';

const NOW = '2026-11-29T08:00:00.000Z';
const round = (slot: number, time: string, startsAt: string, closed: boolean) => ({
  day: '2026-11-29',
  slot,
  time,
  startsAt,
  closesAt: startsAt,
  closed,
  expected: 5,
  recorded: 3,
  missing: 2,
  fevers: slot,
  floors: [
    { floorId: 1, buildingCode: 'A', level: 1, expected: 3, recorded: 2, missing: 1, fevers: slot },
    { floorId: 2, buildingCode: 'A', level: 2, expected: 2, recorded: 1, missing: 1, fevers: 0 },
  ],
});

/** The whole day, as main gives it to a coordinator; other roles get the parts theirs allow. */
const DAY: TodayOverview = {
  day: '2026-11-29',
  generatedAt: NOW,
  rooms: {
    byStatus: {
      available: 3,
      reserved: 0,
      occupied: 4,
      awaiting_disinfection: 1,
      out_of_service: 1,
    },
    total: 9,
  },
  people: { inResidence: 4, arrivalsExpected: 2, dueToday: 1, dueTomorrow: 1 },
  rounds: [
    round(0, '08:00', '2026-11-29T00:00:00.000Z', true),
    round(1, '15:00', '2026-11-29T07:00:00.000Z', false),
  ],
  fevers: [
    {
      caseId: 7,
      personId: 12,
      fullName: '孙低热',
      roomNumber: 'A-202',
      latestTenths: 382,
      recheckDue: false,
    },
  ],
  contacts: [
    {
      stayId: 3,
      personId: 13,
      fullName: '欧阳同住',
      roomNumber: 'A-101',
      flaggedAt: NOW,
      observationEnd: '2026-12-13',
      observationRestarted: true,
    },
  ],
  staff: { roster: 'none', now: [], next: [], nextGaps: 0 },
  stock: {
    low: [
      { name: '医用外科口罩', spec: '50只/盒', baseUnit: '只', onHand: 120, lowThreshold: 500 },
    ],
    expired: [],
    expiring: [],
    supply: [],
    usageFrom: '2026-11-22',
    usageTo: '2026-11-28',
  },
};

const PARTS_OF: Record<'coordinator' | 'medical' | 'warehouse', (keyof TodayOverview)[]> = {
  coordinator: ['rooms', 'people', 'rounds', 'fevers', 'contacts', 'staff', 'stock'],
  medical: ['rooms', 'people', 'rounds', 'fevers', 'contacts', 'staff'],
  warehouse: ['rooms', 'staff', 'stock'],
};

function showFor(role: keyof typeof PARTS_OF) {
  const parts = PARTS_OF[role];
  const seen = Object.fromEntries(
    Object.entries(DAY).map(([k, v]) =>
      ['day', 'generatedAt'].includes(k) || parts.includes(k as keyof TodayOverview)
        ? [k, v]
        : [k, null],
    ),
  ) as unknown as TodayOverview;
  installFakeApi({ 'today.overview': () => seen });
  const navigate = vi.fn();
  renderUi(<TodayPage siteId={1} navigate={navigate} />, [role as Role]);
  return navigate;
}

const cardOrderOnScreen = async () => {
  const grid = await screen.findByTestId('today-cards');
  return [...grid.children].map((c) => c.getAttribute('data-testid'));
};

afterEach(() => queryClient.clear());

describe('the home screen', () => {
  it('a doctor or nurse sees the rounds and fevers first, and no stock', async () => {
    showFor('medical');
    expect(await cardOrderOnScreen()).toEqual([
      'today-rounds',
      'today-fevers',
      'today-contacts',
      'today-rooms',
      'today-people',
      'today-staff',
    ]);
  });

  it('the warehouse sees the stock first; the coordinator the rooms and arrivals', async () => {
    showFor('warehouse');
    expect(await cardOrderOnScreen()).toEqual(['today-stock', 'today-staff', 'today-rooms']);
    queryClient.clear();
    document.body.innerHTML = '';
    showFor('coordinator');
    expect((await cardOrderOnScreen()).slice(0, 2)).toEqual(['today-rooms', 'today-people']);
  });

  it('each figure opens the screen behind it', async () => {
    const navigate = showFor('coordinator');
    const user = userEvent.setup();
    const people = await screen.findByTestId('today-people');
    await user.click(within(people).getByRole('button', { name: /待入住/ }));
    expect(navigate).toHaveBeenLastCalledWith('#/allocation');
    await user.click(within(people).getByRole('button', { name: /在住/ }));
    expect(navigate).toHaveBeenLastCalledWith('#/residents');
    await user.click(screen.getByRole('button', { name: /孙低热（A-202）38\.2℃/ }));
    expect(navigate).toHaveBeenLastCalledWith('#/health/fever');
    await user.click(screen.getByRole('button', { name: /欧阳同住（A-101）/ }));
    expect(navigate).toHaveBeenLastCalledWith('#/residents/person/13');
    await user.click(
      within(screen.getByTestId('today-round-0')).getByRole('button', { name: /漏测 2/ }),
    );
    expect(navigate).toHaveBeenLastCalledWith('#/health');
    await user.click(
      within(screen.getByTestId('today-stock')).getByRole('button', { name: /低于预警线 1/ }),
    );
    expect(navigate).toHaveBeenLastCalledWith('#/stock');
    await user.click(
      within(screen.getByTestId('today-rooms')).getByRole('button', { name: /待消毒/ }),
    );
    expect(navigate).toHaveBeenLastCalledWith('#/rooms');
  });

  it('says missed for a closed round and to measure for an open one, floor by floor', async () => {
    showFor('medical');
    const closed = await screen.findByTestId('today-round-0');
    expect(closed.textContent).toContain('A 栋 1 层：已测 2 / 应测 3 · 漏测 1');
    await waitFor(() =>
      expect(screen.getByTestId('today-round-1').textContent).toContain('待测 2'),
    );
  });
});
