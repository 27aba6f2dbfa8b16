import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/authTesting';
import { closeRosterWeek, makeRosterWeek, type RosterWeek } from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let siteId: RosterWeek['siteId'];
  let evening: RosterWeek['evening'];
  let night: RosterWeek['night'];

  beforeEach(async () => {
    ({ desk, siteId, evening, night } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('shift templates: midnight as 24:00 or next day, 24 h duty; zero length refused', async () => {
    expect(evening).toMatchObject({ start: '16:00', durationMinutes: 480, night: false });
    expect(night).toMatchObject({ durationMinutes: 480, night: true });
    expect(
      await desk.call('shifts.create', {
        siteId,
        name: '24小时',
        start: '08:00',
        end: '08:00',
        nextDay: true,
      }),
    ).toMatchObject({ durationMinutes: 1440, night: true });
    expect(
      await desk.call('shifts.create', {
        siteId,
        name: '夜12',
        start: '20:00',
        end: '08:00',
        nextDay: true,
      }),
    ).toMatchObject({ durationMinutes: 720, night: true });
    expect(
      errorOf(
        await desk.invoke('shifts.create', { siteId, name: '零', start: '08:00', end: '08:00' }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { end: 'shift_empty' } });
    expect(
      errorOf(
        await desk.invoke('shifts.create', { siteId, name: '倒', start: '20:00', end: '08:00' }),
      ),
    ).toMatchObject({ fields: { end: 'shift_empty' } });
  });
});
