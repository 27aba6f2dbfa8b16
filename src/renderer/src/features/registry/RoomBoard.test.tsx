import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROOM_STATUSES, type BoardTile, type RoomStatus } from '@shared/domain';
import { zhCN } from '@shared/i18n/zh-CN';
import { installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { RoomBoard } from './RoomBoard';

const tile = (id: number, status: RoomStatus, extra: Partial<BoardTile> = {}): BoardTile => ({
  id,
  number: `A-${300 + id}`,
  status,
  capacity: 2,
  freeBeds: status === 'available' ? 2 : 0,
  occupants: status === 'occupied' ? 2 : 0,
  daysLeft: status === 'occupied' ? 5 : null,
  type: 'double',
  statusReason: null,
  ...extra,
});

describe('the room board on grey paper', () => {
  it('says each tile’s status in words as well as colour, with the reason a room is closed', async () => {
    const rooms = ROOM_STATUSES.map((s, i) =>
      tile(i + 1, s, s === 'out_of_service' ? { statusReason: '淋浴漏水，待维修' } : {}),
    );
    installFakeApi({
      'rooms.board': () => ({
        counts: Object.fromEntries(ROOM_STATUSES.map((s) => [s, 1])) as Record<RoomStatus, number>,
        totalRooms: rooms.length,
        totalBeds: rooms.length * 2,
        freeBeds: 2,
        floors: [
          { floorId: 3, buildingId: 1, buildingCode: 'A', buildingName: '一号楼', level: 3, rooms },
        ],
      }),
    });
    renderUi(<RoomBoard siteId={1} buildings={[]} onOpenRoom={() => undefined} />);
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^A-3/ })).toHaveLength(5));

    const words = new Set<string>();
    for (const room of rooms) {
      const button = screen.getByRole('button', { name: new RegExp(`^${room.number} `) });
      const word = zhCN.statusShort[room.status];
      expect(within(button).getByText(word)).toBeTruthy();
      words.add(word);
    }
    // Five statuses, five different words: no two statuses told apart by colour alone.
    expect(words.size).toBe(ROOM_STATUSES.length);
    expect(screen.getByRole('button', { name: /^A-305 / }).textContent).toContain('淋浴漏水');
  });
});
