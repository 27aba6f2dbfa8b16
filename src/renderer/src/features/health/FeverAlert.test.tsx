import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeverCase } from '@shared/health';
import { queryClient } from '@renderer/api/queryClient';
import { installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { FeverAlert } from './FeverAlert';

const fever = (id: number, fullName: string, roomNumber: string | null): FeverCase => ({
  id,
  stayId: id,
  personId: id,
  fullName,
  gender: 'female',
  age: 40,
  roomId: id,
  roomNumber,
  status: 'open',
  openedAt: '2026-11-29T07:00:00.000Z',
  recheckDueAt: '2026-11-29T08:00:00.000Z',
  recheckDue: false,
  firstTenths: 385,
  latestTenths: 385,
  latestAt: '2026-11-29T07:00:00.000Z',
  symptoms: [],
  closedAt: null,
  note: null,
});

afterEach(() => queryClient.clear());

describe('the red fever banner', () => {
  it('names each person with a fever and their room', async () => {
    installFakeApi({
      'fever.list': () => [fever(1, '欧阳发热', 'A-101'), fever(2, '孙低热', 'B-202')],
    });
    renderUi(<FeverAlert siteId={1} onOpen={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      '发热 2 人待处理：欧阳发热（A-101）、孙低热（B-202）',
    );
  });

  it('says nothing when nobody has a fever', async () => {
    const fake = installFakeApi({ 'fever.list': () => [] });
    renderUi(<FeverAlert siteId={1} onOpen={() => undefined} />);
    await vi.waitFor(() => expect(fake.calls.length).toBe(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
