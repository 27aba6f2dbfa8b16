import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain';

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

export function buildAppMenu(language: Language, isDev: boolean): Menu {
  const l = LABELS[language];
  const template: MenuItemConstructorOptions[] = [
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
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }] as const) : []),
      ],
    },
    { label: l.window, role: 'windowMenu' },
    { label: l.help, submenu: [{ label: l.about, click: () => app.showAboutPanel() }] },
  ];
  return Menu.buildFromTemplate(template);
}
