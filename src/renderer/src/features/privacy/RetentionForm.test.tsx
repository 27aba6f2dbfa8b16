import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PurgePreview } from '@shared/privacy';
import { inputsOf, installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { retype } from '@renderer/testing/retype';
import { RetentionForm } from './RetentionForm';

const previewFor = (days: number): PurgePreview => ({
  retentionDays: days,
  cutoffDay: '2026-11-01',
  counts: {
    people: 0,
    stays: 0,
    stayEvents: 0,
    readings: 0,
    feverCases: 0,
    transfers: 0,
    contactFlags: 0,
    staffPhones: 0,
    staffUnavailability: 0,
    donorContacts: 0,
    auditEntries: 0,
  },
  peopleKept: 0,
  lastArchive: {},
});

function openForm() {
  const fake = installFakeApi({ 'privacy.setRetention': (input) => previewFor(input.days) });
  const { container } = renderUi(<RetentionForm retentionDays={180} />);
  const save = () => userEvent.click(screen.getByRole('button', { name: '保存' }));
  return { ...fake, container, save };
}

describe('the retention setting checks the contract before the round trip', () => {
  it("refuses too few days, too many and none in main's words, sending nothing", async () => {
    const { calls, container, save } = openForm();
    await retype(container, '保存期限', '7');
    await save();
    await within(container).findByText('太短或太小');
    await retype(container, '保存期限', '99999');
    await save();
    await within(container).findByText('太长或太大');
    await retype(container, '保存期限', '');
    await save();
    await within(container).findByText('必填');
    expect(inputsOf(calls, 'privacy.setRetention')).toEqual([]);
  });

  it('saves the days typed', async () => {
    const { calls, container, save } = openForm();
    await retype(container, '保存期限', '90');
    await save();
    await waitFor(() => expect(inputsOf(calls, 'privacy.setRetention')).toEqual([{ days: 90 }]));
    await screen.findByText('已保存');
  });
});
