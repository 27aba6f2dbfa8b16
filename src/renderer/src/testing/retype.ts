import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Replaces what the field labelled `label` (required marks aside) holds with `value`, as typed. */
export async function retype(container: HTMLElement, label: string, value: string) {
  const input = within(container).getByLabelText(label, { exact: false });
  await userEvent.clear(input);
  if (value) await userEvent.type(input, value);
}
