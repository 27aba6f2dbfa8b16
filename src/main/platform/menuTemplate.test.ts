import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DeskCommand } from '../../shared/deskCommands';
import type { Language } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';
import { appMenuTemplate, DEV_ONLY_ROLES, type MenuActions } from './menuTemplate';

type Item = MenuItemConstructorOptions;

/** The menu with actions that record what they were asked. */
function menu(language: Language, dev = false) {
  const done: string[] = [];
  const actions: MenuActions = {
    command: (command: DeskCommand) => done.push(command),
    zoom: (step) => done.push(`zoom-${step}`),
  };
  return { template: appMenuTemplate(language, { dev }, actions), done };
}

const submenuOf = (template: Item[], label: string): Item[] =>
  (template.find((m) => m.label === label)?.submenu as Item[] | undefined) ?? [];

const click = (item: Item | undefined) =>
  (item?.click as (() => void) | undefined)?.call(undefined);

describe('the application menu', () => {
  it.each(['zh-CN', 'en'] as const)('speaks the desk’s language (%s)', (language) => {
    const l = messagesFor(language).menu;
    const { template } = menu(language);
    expect(template.map((m) => m.label)).toEqual([l.file, l.edit, l.view, l.window, l.help]);
    expect(submenuOf(template, l.file).map((i) => i.label ?? i.type)).toEqual([
      l.print,
      l.export,
      l.backup,
      'separator',
      l.quit,
    ]);
    expect(submenuOf(template, l.view).map((i) => i.label ?? i.type)).toEqual([
      l.zoomIn,
      l.zoomOut,
      l.resetZoom,
      'separator',
      l.fullScreen,
    ]);
    expect(submenuOf(template, l.help).map((i) => i.label)).toEqual([l.shortcuts, l.about]);
  });

  it('is in Chinese by default, as the issue names it', () => {
    const { template } = menu('zh-CN');
    expect(submenuOf(template, '文件').map((i) => i.label)).toContain('打印当前文档');
    expect(submenuOf(template, '视图').map((i) => i.label)).toEqual(
      expect.arrayContaining(['放大', '缩小', '实际大小']),
    );
    expect(submenuOf(template, '帮助').map((i) => i.label)).toContain('快捷键');
  });

  it('sends the page commands to the page and keeps zoom in main', () => {
    const { template, done } = menu('en');
    for (const item of [...submenuOf(template, 'File'), ...submenuOf(template, 'Help')]) {
      click(item);
    }
    for (const item of submenuOf(template, 'View')) click(item);
    expect(done).toEqual([
      'print',
      'export',
      'backup',
      'shortcuts',
      'about',
      'zoom-in',
      'zoom-out',
      'zoom-reset',
    ]);
  });

  it('shows the keys: Ctrl+P and F1 handled by the page (both shells), zoom by the menu', () => {
    const { template } = menu('en');
    const [print] = submenuOf(template, 'File');
    expect(print).toMatchObject({ accelerator: 'CmdOrCtrl+P', registerAccelerator: false });
    expect(submenuOf(template, 'Help')[0]).toMatchObject({
      accelerator: 'F1',
      registerAccelerator: false,
    });
    expect(
      submenuOf(template, 'View')
        .slice(0, 3)
        .map((i) => i.accelerator),
    ).toEqual(['CmdOrCtrl+=', 'CmdOrCtrl+-', 'CmdOrCtrl+0']);
    // Zoom keys belong to the menu: registered, so they work without the page's help.
    expect(submenuOf(template, 'View').some((i) => i.registerAccelerator === false)).toBe(false);
  });

  it('leaves reload and DevTools out without --dev, and in with it', () => {
    const roles = (dev: boolean) =>
      submenuOf(menu('en', dev).template, 'View').map((item) => item.role);
    for (const role of DEV_ONLY_ROLES) {
      expect(roles(false)).not.toContain(role);
      expect(roles(true)).toContain(role);
    }
    // No other item anywhere in the menu reloads or opens DevTools.
    expect(JSON.stringify(menu('zh-CN').template)).not.toMatch(/reload|devtools/i);
  });
});
