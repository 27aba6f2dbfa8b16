import type { MenuItemConstructorOptions } from 'electron';
import type { DeskCommand } from '../../shared/deskCommands';
import type { Language } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';
import type { ShellFlags } from './shellFlags';

/** Roles that reload the page or open its insides: a user must not lose a form or poke at main. */
export const DEV_ONLY_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/** What the menu's own items do: page commands go to the renderer, zoom stays in main. */
export interface MenuActions {
  command: (command: DeskCommand) => void;
  zoom: (step: 'in' | 'out' | 'reset') => void;
}

/**
 * Keys the page handles itself in both shells (the browser shell has no menu): the menu only
 * shows them, so one key press never does the thing twice.
 */
const shownOnly = (accelerator: string) => ({ accelerator, registerAccelerator: false });

/**
 * The application menu as a plain template (so it is decided, and tested, without Electron), in
 * the desk's language: DevTools and Reload only with `--dev`.
 */
export function appMenuTemplate(
  language: Language,
  flags: ShellFlags,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const l = messagesFor(language).menu;
  const send = (command: DeskCommand) => () => actions.command(command);
  return [
    {
      label: l.file,
      submenu: [
        { label: l.print, ...shownOnly('CmdOrCtrl+P'), click: send('print') },
        { label: l.export, click: send('export') },
        { label: l.backup, click: send('backup') },
        { type: 'separator' },
        { role: 'quit', label: l.quit },
      ],
    },
    { label: l.edit, role: 'editMenu' },
    {
      label: l.view,
      submenu: [
        { label: l.zoomIn, accelerator: 'CmdOrCtrl+=', click: () => actions.zoom('in') },
        { label: l.zoomOut, accelerator: 'CmdOrCtrl+-', click: () => actions.zoom('out') },
        { label: l.resetZoom, accelerator: 'CmdOrCtrl+0', click: () => actions.zoom('reset') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullScreen },
        ...(flags.dev ? DEV_ONLY_ROLES.map((role) => ({ role })) : []),
      ],
    },
    { label: l.window, role: 'windowMenu' },
    {
      label: l.help,
      submenu: [
        { label: l.shortcuts, ...shownOnly('F1'), click: send('shortcuts') },
        { label: l.about, click: send('about') },
      ],
    },
  ];
}
