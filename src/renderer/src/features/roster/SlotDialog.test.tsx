import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '@shared/contract';
import type { RosterAssignment, RosterGrid, SlotCandidate } from '@shared/roster';
import {
  conflictRefusal,
  inputsOf,
  installFakeApi,
  type FakeAnswers,
} from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { SlotDialog } from './SlotDialog';

const DAY = '2026-12-07';
/** Stand-ins for main's slot tokens: a fixed number per set of people on the slot. */
const versionOf = (assignments: RosterAssignment[]): number =>
  4100 + assignments.reduce((sum, a) => sum + a.staffId, 0);

const gridWith = (assignments: RosterAssignment[], status: 'draft' | 'published'): RosterGrid => ({
  period: {
    id: 5,
    siteId: 1,
    startsOn: DAY,
    endsOn: '2026-12-13',
    status,
    version: 1,
    publishedAt: status === 'published' ? '2026-12-06T00:00:00.000Z' : null,
  },
  posts: [
    {
      id: 2,
      siteId: 1,
      name: '医疗组',
      roles: ['nurse'],
      headCount: 2,
      sortOrder: 1,
      templateIds: [9],
    },
  ],
  templates: [
    { id: 9, siteId: 1, name: '白班', start: '08:00', durationMinutes: 480, night: false },
  ],
  days: [DAY],
  slots: [
    {
      postId: 2,
      templateId: 9,
      day: DAY,
      startsAt: `${DAY}T00:00:00.000Z`,
      endsAt: `${DAY}T08:00:00.000Z`,
      required: 2,
      assignments,
      version: versionOf(assignments),
    },
  ],
  gaps: 2 - assignments.length,
  hardViolations: 0,
  softViolations: 0,
});

const CANDIDATES: SlotCandidate[] = [
  { staffId: 31, fullName: '护士甲', role: 'nurse', violations: [], hoursThisWeek: 8 },
  {
    staffId: 32,
    fullName: '护士乙',
    role: 'nurse',
    violations: [{ code: 'weekly_hours', hard: false, params: { hours: 48, max: 40 } }],
    hoursThisWeek: 48,
  },
  {
    staffId: 33,
    fullName: '护士丙',
    role: 'nurse',
    violations: [{ code: 'min_rest', hard: true, params: { hours: 6, min: 8 } }],
    hoursThisWeek: 16,
  },
];

/** One candidate on the slot, as main lists an assignment. */
const onDuty = (staffId: number, id: number): RosterAssignment => {
  const staff = CANDIDATES.find((c) => c.staffId === staffId)!;
  return {
    id,
    postId: 2,
    templateId: 9,
    day: DAY,
    staffId: staff.staffId,
    staffName: staff.fullName,
    staffRole: staff.role,
    startsAt: `${DAY}T00:00:00.000Z`,
    endsAt: `${DAY}T08:00:00.000Z`,
    violations: staff.violations,
  };
};

/** Main's answer to an assignment: the grid with the chosen staff on the slot. */
const assignLikeMain = (input: MethodInput<'roster.assign'>): RosterGrid =>
  gridWith([onDuty(input.staffId, 100)], 'draft');

function openSlot(status: 'draft' | 'published', answers: FakeAnswers = {}) {
  const fake = installFakeApi({
    'roster.candidates': () => CANDIDATES,
    'roster.assign': assignLikeMain,
    ...answers,
  });
  const grid = gridWith([], status);
  const changed: RosterGrid[] = [];
  const props = {
    slot: grid.slots[0]!,
    canManage: true,
    onClose: () => undefined,
    onChanged: (next: RosterGrid) => changed.push(next),
  };
  const view = renderUi(<SlotDialog grid={grid} {...props} />, ['coordinator']);
  // The roster view shows the changed grid it is handed; so does this test.
  const rerender = () => view.rerender(<SlotDialog grid={changed.at(-1) ?? grid} {...props} />);
  return { ...fake, changed, rerender };
}

const candidateItem = async (name: string) =>
  (
    await within(screen.getByRole('list', { name: '可选人员' })).findByText(new RegExp(name))
  ).closest('li')!;

describe('the roster slot dialog', () => {
  it('lists the suitable staff with their findings; a hard finding blocks adding', async () => {
    openSlot('draft');
    const fine = await candidateItem('护士甲');
    const tired = await candidateItem('护士乙');
    const rested = await candidateItem('护士丙');

    expect(fine.textContent).toContain('本周 8 小时');
    expect(tired.textContent).toContain('本周 48 小时，超过上限 40 小时');
    expect(rested.textContent).toContain('两班之间只休息 6 小时（至少 8 小时）');
    expect(within(fine).getByRole('button', { name: '排入' })).toHaveProperty('disabled', false);
    expect(within(tired).getByRole('button', { name: '排入' })).toHaveProperty('disabled', false);
    expect(within(rested).getByRole('button', { name: '排入' })).toHaveProperty('disabled', true);
  });

  it('adding a candidate sends the slot and the staff, and the dialog shows them on it', async () => {
    const { calls, changed, rerender } = openSlot('draft');
    const user = userEvent.setup();
    await user.click(within(await candidateItem('护士乙')).getByRole('button', { name: '排入' }));
    await waitFor(() => expect(changed).toHaveLength(1));
    expect(inputsOf(calls, 'roster.assign')).toEqual([
      { periodId: 5, postId: 2, templateId: 9, day: DAY, staffId: 32, expectedSlotVersion: 4100 },
    ]);

    expect(inputsOf(calls, 'roster.candidates')[0]).toEqual({
      periodId: 5,
      postId: 2,
      templateId: 9,
      day: DAY,
    });

    rerender();
    const assigned = screen.getByRole('list', { name: '已安排（1/2）' });
    expect(assigned.textContent).toContain('护士乙 · 护士');
  });

  it('on a published roster the typed reason goes with the change', async () => {
    const { calls } = openSlot('published');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('调整原因（已发布的排班表必填）'), '病假顶班');
    await user.click(within(await candidateItem('护士甲')).getByRole('button', { name: '排入' }));
    await waitFor(() => expect(inputsOf(calls, 'roster.assign')).toHaveLength(1));
    expect(inputsOf(calls, 'roster.assign')[0]).toEqual({
      periodId: 5,
      postId: 2,
      templateId: 9,
      day: DAY,
      staffId: 31,
      expectedSlotVersion: 4100,
      reason: '病假顶班',
    });
  });

  describe('when another desk changed the slot since it was opened', () => {
    // The other desk put 护士甲 on the slot at 09:07 site time; this desk still shows it empty.
    const theirs = gridWith([onDuty(31, 90)], 'draft').slots[0]!;
    const conflictOnce = () => {
      let refused = false;
      return {
        'roster.assign': (input: MethodInput<'roster.assign'>) => {
          if (input.expectedSlotVersion !== theirs.version && !refused) {
            refused = true;
            throw conflictRefusal({
              version: theirs.version,
              record: theirs,
              by: '王丽华',
              at: '2026-12-06T01:07:00.000Z',
            });
          }
          return gridWith([onDuty(31, 90), onDuty(input.staffId, 101)], 'draft');
        },
      } satisfies FakeAnswers;
    };

    const conflictDialog = () => screen.findByRole('dialog', { name: '此记录已被他人修改' });

    it('shows who is on it now and who changed it; keep mine adds on the new version', async () => {
      const { calls, changed } = openSlot('draft', conflictOnce());
      const user = userEvent.setup();
      await user.click(within(await candidateItem('护士乙')).getByRole('button', { name: '排入' }));
      const dialog = await conflictDialog();
      expect(within(dialog).getByText('另一台电脑上的 王丽华 于 09:07 修改了此记录')).toBeTruthy();
      const row = within(dialog).getByRole('rowheader', { name: '在岗人员' }).closest('tr')!;
      expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
        '护士甲',
        '护士乙',
      ]);
      expect(changed).toEqual([]);

      await user.click(within(dialog).getByRole('button', { name: '保留我的' }));
      await waitFor(() => expect(changed).toHaveLength(1));
      expect(inputsOf(calls, 'roster.assign').map((i) => i.expectedSlotVersion)).toEqual([
        4100,
        theirs.version,
      ]);
      expect(changed[0]!.slots[0]!.assignments.map((a) => a.staffName)).toEqual([
        '护士甲',
        '护士乙',
      ]);
      expect(screen.queryByRole('dialog', { name: '此记录已被他人修改' })).toBeNull();
    });

    it('use theirs shows the slot as the other desk left it and sends nothing more', async () => {
      const { calls, changed, rerender } = openSlot('draft', conflictOnce());
      const user = userEvent.setup();
      await user.click(within(await candidateItem('护士乙')).getByRole('button', { name: '排入' }));
      await user.click(within(await conflictDialog()).getByRole('button', { name: '采用对方的' }));
      expect(changed).toHaveLength(1);
      expect(changed[0]!.slots[0]).toEqual(theirs);
      expect(inputsOf(calls, 'roster.assign')).toHaveLength(1);
      rerender();
      const assigned = await screen.findByRole('list', { name: '已安排（1/2）' });
      expect(assigned.textContent).toContain('护士甲 · 护士');
      // The next write from this dialog is based on their version.
      await user.click(within(await candidateItem('护士乙')).getByRole('button', { name: '排入' }));
      await waitFor(() => expect(inputsOf(calls, 'roster.assign')).toHaveLength(2));
      expect(inputsOf(calls, 'roster.assign')[1]!.expectedSlotVersion).toBe(theirs.version);
    });
  });
});
