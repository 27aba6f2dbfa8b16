import Dialog from '@mui/material/Dialog';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Post, ShiftTemplate } from '@shared/roster';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { PostForm } from './PostForm';

const DAY: ShiftTemplate = {
  id: 9,
  siteId: 1,
  name: '白班',
  start: '08:00',
  durationMinutes: 480,
  night: false,
};
const GATE: Post = {
  id: 4,
  siteId: 1,
  name: '门岗',
  roles: ['security'],
  headCount: 2,
  sortOrder: 3,
  templateIds: [9],
};

function openForm(post: Post | null) {
  const done: number[] = [];
  const fake = installFakeApi({
    'posts.create': (input) => ({ ...GATE, ...input, id: 5, sortOrder: 0 }),
    'posts.update': (input) => ({ ...GATE, ...input }),
  });
  renderUi(
    <Dialog open>
      <PostForm
        siteId={1}
        post={post}
        templates={[DAY]}
        onClose={() => undefined}
        onDone={() => done.push(1)}
      />
    </Dialog>,
  );
  return { ...fake, done, dialog: screen.getByRole('dialog') };
}

describe('the post form checks the contract before the round trip', () => {
  it("refuses no role and a headcount of 0 in main's words, sending nothing", async () => {
    const { calls, dialog } = openForm(null);
    await retype(dialog, '岗位', '医疗点');
    await retype(dialog, '每班人数', '0');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await within(dialog).findByText('至少选择一个角色');
    expect(within(dialog).getByText('太短或太小')).toBeTruthy();
    expect(inputsOf(calls, 'posts.create')).toEqual([]);
  });

  it('creates the post with the roles and shifts ticked', async () => {
    const { calls, done, dialog } = openForm(null);
    await retype(dialog, '岗位', '医疗点');
    await userEvent.click(within(dialog).getByLabelText('护士'));
    await userEvent.click(within(dialog).getByLabelText('白班 08:00'));
    await retype(dialog, '每班人数', '3');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'posts.create')).toEqual([
      { siteId: 1, name: '医疗点', roles: ['nurse'], headCount: 3, templateIds: [9] },
    ]);
  });

  it('edits a post keeping its place in the list', async () => {
    const { calls, done, dialog } = openForm(GATE);
    await userEvent.click(within(dialog).getByLabelText('白班 08:00'));
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(done).toHaveLength(1));
    expect(inputsOf(calls, 'posts.update')).toEqual([
      { id: 4, sortOrder: 3, name: '门岗', roles: ['security'], headCount: 2, templateIds: [] },
    ]);
  });
});
