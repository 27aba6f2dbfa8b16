import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain';
import type { ShellFlags } from './shellFlags';

const LABELS = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    about: '关于隔离点协调台',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Isolation Site Desk',
  },
} as const;

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
  const l = LABELS[language];
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
