import { fireEvent, within } from '@testing-library/react';

/**
 * Types a whole date (2026-12-06, or 2026-12-06 08:30 with a time) into the picker labelled
 * `label`, as pasting it into its sections would: through the field's own input, which parses it
 * in the picker's one display format.
 */
export function typeDate(container: HTMLElement, label: string, text: string) {
  const input = within(container).getByLabelText(label, { exact: false, selector: 'input' });
  fireEvent.change(input, { target: { value: text } });
}
