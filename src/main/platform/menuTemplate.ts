import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';
import type { ShellFlags } from './shellFlags';

/** Roles that reload the page or open its insides: a user must not lose a form or poke at main. */
export const DEV_ONLY_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/**
 * The application menu as a plain template (so it is decided, and tested, without Electron):
 * DevTools and Reload only with `--dev`.
 */
export function appMenuTemplate(
  language: Language,
  flags: ShellFlags,
  showAbout: () => void,
): MenuItemConstructorOptions[] {
  const l = messagesFor(language).menu;
  return [
    { label: l.file, submenu: [{ role: 'quit', label: l.quit }] },
    { label: l.edit, role: 'editMenu' },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(flags.dev ? DEV_ONLY_ROLES.map((role) => ({ role })) : []),
      ],
    },
    { label: l.window, role: 'windowMenu' },
    { label: l.help, submenu: [{ label: l.about, click: showAbout }] },
  ];
}
