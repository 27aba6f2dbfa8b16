import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { permissionsOf } from '@shared/permissions';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { AppFrame } from '@renderer/layout/AppFrame';
import { openableSections } from '@renderer/layout/sections';
import { Refusal, type FakeAnswers } from '@renderer/testing/fakeApi';
import { ELECTRON_INFO as INFO, withMenu } from '@renderer/testing/fakeMenu';
import { renderUi } from '@renderer/testing/renderUi';
import i18n from '@renderer/i18n';
import { useDeskCommands } from './useDeskCommands';

const SITE = { id: 1, name: '和平路集中隔离点', address: '和平路 18 号', retiredAt: null };

function openFrame(hash = '#/today', answers: FakeAnswers = {}) {
  window.history.replaceState(null, '', hash);
  const menu = withMenu({ 'sites.list': () => [SITE], ...answers });
  const view = renderUi(
    <AppFrame info={INFO} language="zh-CN" onLanguageChange={async () => undefined} />,
    ['coordinator'],
  );
  return { ...menu, view };
}

const key = (init: KeyboardEventInit) =>
  fireEvent.keyDown(document.activeElement ?? document.body, init);

afterEach(() => window.history.replaceState(null, '', '#/'));

describe('shortcuts in the app frame', () => {
  it('Alt+1…8 open the sections in menu order', () => {
    openFrame();
    const held = new Set(permissionsOf(['coordinator']));
    const sections = openableSections((p) => held.has(p));
    expect(sections.length).toBeGreaterThanOrEqual(8);
    for (const n of [3, 1, 8, 5]) {
      key({ key: String(n), code: `Digit${n}`, altKey: true });
      expect(location.hash).toBe(`#/${sections[n - 1]}`);
    }
  });

  it('F1 opens the shortcut list, which Esc closes, and no section opens from under it', async () => {
    openFrame('#/today');
    key({ key: 'F1', code: 'F1' });
    const dialog = await screen.findByRole('dialog', { name: '快捷键' });
    for (const keys of ['Ctrl+P', 'Ctrl+F', 'Alt+1 … Alt+8', 'Esc']) {
      expect(within(dialog).getByText(keys)).toBeTruthy();
    }
    key({ key: '2', code: 'Digit2', altKey: true });
    expect(location.hash).toBe('#/today');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('the app bar’s help button opens the shortcuts and the about box', async () => {
    openFrame();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '帮助' }));
    await user.click(screen.getByRole('menuitem', { name: /关于/ }));
    const about = await screen.findByRole('dialog', { name: '关于隔离点协调台' });
    for (const shown of [
      INFO.version,
      String(INFO.schemaVersion),
      '45.5.0',
      '142.0.7444.59',
      '22.12.0',
      INFO.dataDir!,
      'MIT',
    ]) {
      expect(within(about).getByText(shown)).toBeTruthy();
    }
    await user.click(within(about).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: '帮助' }));
    await user.click(screen.getByRole('menuitem', { name: /快捷键/ }));
    expect(await screen.findByRole('dialog', { name: '快捷键' })).toBeTruthy();
  });

  it('Ctrl+F focuses the residents search; elsewhere the browser keeps its own find', async () => {
    openFrame('#/residents');
    // The residents page is a lazy chunk that brings the date pickers with its dialogs: its first
    // load in a test (module transforms included) can take more than findBy's default second.
    const search = await screen.findByRole(
      'textbox',
      { name: i18n.t('residents.search') },
      { timeout: 5000 },
    );
    expect(key({ key: 'f', code: 'KeyF', ctrlKey: true })).toBe(false); // default prevented
    expect(document.activeElement).toBe(search);

    window.history.replaceState(null, '', '#/today');
    fireEvent(window, new HashChangeEvent('hashchange'));
    await waitFor(() =>
      expect(screen.queryByRole('textbox', { name: i18n.t('residents.search') })).toBeNull(),
    );
    expect(key({ key: 'f', code: 'KeyF', ctrlKey: true })).toBe(true);
  });

  it('the menu’s commands reach the frame, and stop when it is gone', async () => {
    const { send, listeners, view } = openFrame();
    send('shortcuts');
    expect(await screen.findByRole('dialog', { name: '快捷键' })).toBeTruthy();
    view.unmount();
    expect(listeners.size).toBe(0);
  });
});

/** A page with the hook and whatever the test puts on it. */
function Page(props: { children?: React.ReactNode }) {
  useDeskCommands({
    openSection: () => undefined,
    showShortcuts: () => undefined,
    showAbout: () => undefined,
  });
  return <>{props.children}</>;
}

describe('print, export and backup', () => {
  const printed: number[] = [];
  const realPrint = window.print;
  afterEach(() => {
    window.print = realPrint;
    printed.length = 0;
  });
  const recordPrint = () => {
    window.print = () => void printed.push(Date.now());
  };

  it('Ctrl+P presses the print preview’s Print button, and only that', async () => {
    recordPrint();
    withMenu({});
    const view = renderUi(
      <Page>
        <PrintPreview title="每日值班表" open onClose={() => undefined}>
          <p>值班表</p>
        </PrintPreview>
      </Page>,
    );
    await screen.findByRole('dialog', { name: '每日值班表' });
    expect(key({ key: 'p', code: 'KeyP', ctrlKey: true })).toBe(false);
    expect(printed).toHaveLength(1);
    view.unmount();
  });

  it('Ctrl+P with no document open says how, and prints nothing', async () => {
    recordPrint();
    withMenu({});
    renderUi(<Page />);
    expect(key({ key: 'p', code: 'KeyP', ctrlKey: true })).toBe(false);
    expect(printed).toHaveLength(0);
    expect(await screen.findByText(i18n.t('desk.noDocument'))).toBeTruthy();
  });

  it('导出… takes the page’s first export; a page without one says so', async () => {
    const asked: string[] = [];
    const { send } = withMenu({});
    const view = renderUi(
      <Page>
        <ExportButtons make={(format) => (asked.push(format), new Promise(() => undefined))} />
      </Page>,
    );
    send('export');
    expect(asked).toEqual(['xlsx']);
    view.unmount();
    renderUi(<Page />);
    send('export');
    expect(await screen.findByText(i18n.t('desk.nothingToExport'))).toBeTruthy();
  });

  it('立即备份 goes through the router and says the result, refusal included', async () => {
    const { send, calls } = withMenu({
      'backups.create': () => ({
        name: 'desk-20261206T080000Z-manual.isdbak',
        kind: 'manual',
        takenAt: '2026-12-06T08:00:00Z',
        sizeBytes: 4096,
        encrypted: true,
      }),
    });
    const first = renderUi(<Page />);
    send('backup');
    expect(await screen.findByText(i18n.t('backups.done'))).toBeTruthy();
    expect(calls.filter((c) => c.method === 'backups.create')).toHaveLength(1);

    const refused = withMenu({
      'backups.create': () => {
        throw new Refusal({ code: 'FORBIDDEN', message: 'Not allowed' });
      },
    });
    first.unmount();
    renderUi(<Page />);
    refused.send('backup');
    expect(await screen.findByText(i18n.t('errors.FORBIDDEN'))).toBeTruthy();
  });
});
