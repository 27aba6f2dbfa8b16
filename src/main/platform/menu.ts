import { app, Menu } from 'electron';
import type { Language } from '../../shared/domain';
import { appMenuTemplate } from './menuTemplate';
import type { ShellFlags } from './shellFlags';

export function buildAppMenu(language: Language, flags: ShellFlags): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(language, flags, () => app.showAboutPanel()));
}
