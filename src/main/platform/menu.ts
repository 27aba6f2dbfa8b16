import { Menu } from 'electron';
import type { Language } from '../../shared/domain';
import { appMenuTemplate, type MenuActions } from './menuTemplate';
import type { ShellFlags } from './shellFlags';

export function buildAppMenu(language: Language, flags: ShellFlags, actions: MenuActions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(language, flags, actions));
}
