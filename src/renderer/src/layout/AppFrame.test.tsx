import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '@shared/domain';
import { permissionsOf, ROLES } from '@shared/permissions';
import { installFakeApi } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import i18n from '@renderer/i18n';
import { AppFrame } from './AppFrame';
import { openableSections, type Section } from './sections';

const INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 1,
  runtime: { node: '22.12.0' },
  dataDir: '/data',
  shell: 'browser',
  hasSite: true,
  needsSetup: false,
  readOnly: false,
  recovery: false,
};

const navText = (section: Section) => i18n.t(`nav.${section}`);

function openFrame(role: (typeof ROLES)[number], hash = '#/rooms') {
  window.history.replaceState(null, '', hash);
  const fake = installFakeApi({
    'sites.list': () => [{ id: 1, name: '一号隔离点', address: '', retiredAt: null }],
  });
  renderUi(<AppFrame info={INFO} language="zh-CN" onLanguageChange={async () => undefined} />, [
    role,
  ]);
  return fake;
}

const menuItems = () =>
  within(screen.getByRole('navigation'))
    .getAllByRole('button')
    .map((b) => b.textContent);

afterEach(() => window.history.replaceState(null, '', '#/'));

describe('the menu and the page chain agree per role', () => {
  for (const role of ROLES) {
    it(`${role}: the menu lists the sections the page chain opens, each of which opens`, async () => {
      openFrame(role);
      const held = new Set(permissionsOf([role]));
      const sections = openableSections((p) => held.has(p));
      expect(menuItems()).toEqual(sections.map(navText));

      const user = userEvent.setup();
      for (const section of sections) {
        await user.click(within(screen.getByRole('navigation')).getByText(navText(section)));
        expect(location.hash).toBe(`#/${section}`);
        const selected = within(screen.getByRole('navigation')).getByText(navText(section));
        expect(selected.closest('.Mui-selected')).not.toBeNull();
      }
    });
  }

  it('a medical user asking for the stock page by address gets their first section instead', async () => {
    openFrame('medical', '#/stock');
    expect(menuItems()).not.toContain(navText('stock'));
    const home = within(screen.getByRole('navigation')).getByText(navText('today'));
    await waitFor(() => expect(home.closest('.Mui-selected')).not.toBeNull());
    expect(screen.queryByText(/暂未开放/)).toBeNull();
  });
});
