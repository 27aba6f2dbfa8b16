import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ELECTRON_INFO as INFO, withMenu } from '@renderer/testing/fakeMenu';
import { renderUi } from '@renderer/testing/renderUi';
import i18n from '@renderer/i18n';
import { SignedOutCommands } from './SignedOutCommands';

describe('the desk’s commands before sign-in', () => {
  it('帮助 → 关于 from the menu shows the versions and the data folder', async () => {
    const menu = withMenu({});
    renderUi(<SignedOutCommands info={INFO} />);
    menu.send('about');
    const dialog = await screen.findByRole('dialog', { name: i18n.t('desk.aboutTitle') });
    expect(dialog.textContent).toContain('45.5.0');
    expect(dialog.textContent).toContain(INFO.dataDir);
    fireEvent.click(screen.getByRole('button', { name: i18n.t('common.close') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('F1 and the menu’s 快捷键 open the shortcut list', async () => {
    const menu = withMenu({});
    renderUi(<SignedOutCommands info={INFO} />);
    fireEvent.keyDown(document.body, { key: 'F1', code: 'F1' });
    expect(await screen.findByRole('dialog', { name: i18n.t('desk.shortcuts') })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    menu.send('shortcuts');
    expect(await screen.findByRole('dialog', { name: i18n.t('desk.shortcuts') })).toBeTruthy();
  });

  it('立即备份 and Ctrl+P say why nothing happens, and call nothing', async () => {
    const menu = withMenu({});
    renderUi(<SignedOutCommands info={INFO} />);
    menu.send('backup');
    expect(await screen.findByText(i18n.t('desk.signInToBackUp'))).toBeTruthy();
    const print = fireEvent.keyDown(document.body, { key: 'p', code: 'KeyP', ctrlKey: true });
    expect(print).toBe(false); // the browser's print of the sign-in screen is held back
    expect(await screen.findByText(i18n.t('desk.noDocument'))).toBeTruthy();
    // No menu to open yet: Alt+1 stays the browser's.
    expect(fireEvent.keyDown(document.body, { key: '1', code: 'Digit1', altKey: true })).toBe(true);
    expect(menu.calls).toEqual([]);
  });

  it('stops listening once the frame takes over', () => {
    const menu = withMenu({});
    const view = renderUi(<SignedOutCommands info={INFO} />);
    expect(menu.listeners.size).toBe(1);
    view.unmount();
    expect(menu.listeners.size).toBe(0);
  });
});
