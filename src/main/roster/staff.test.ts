import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRosterWeek, makeRosterWeek, type RosterWeek } from '../testing/rosterTesting';

describe('duty roster (through the router)', () => {
  let desk: RosterWeek['desk'];
  let nurses: RosterWeek['nurses'];

  beforeEach(async () => {
    ({ desk, nurses } = await makeRosterWeek());
  });
  afterEach(() => closeRosterWeek(desk));

  it('editing a staff member keeps the phone on file unless a new one is given', async () => {
    const edited = await desk.call('staff.update', {
      id: nurses[0]!.id,
      fullName: '护士甲',
      role: 'nurse',
      unit: '市一院',
      maxHoursWeek: 40,
    });
    expect(edited).toMatchObject({ unit: '市一院', maxHoursWeek: 40, phoneMasked: '139****1111' });
    const renumbered = await desk.call('staff.update', {
      id: nurses[0]!.id,
      fullName: '护士甲',
      role: 'nurse',
      phone: '13812345678',
    });
    expect(renumbered.phoneMasked).toBe('138****5678');
  });
});
