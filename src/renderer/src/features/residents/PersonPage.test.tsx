import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PersonDetail, PersonHistory } from '@shared/residents';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { PersonPage } from './PersonPage';

/** A passport holder from the district's list: no birth date given, the list's own details kept. */
const SMITH: PersonDetail = {
  id: 7,
  fullName: 'John Smith',
  gender: 'male',
  birthDate: null,
  age: null,
  documentType: 'passport',
  documentMasked: 'E123*5678',
  phoneMasked: '',
  category: 'inbound',
  origin: null,
  originPlace: '虹桥街道',
  registeredResidence: '英国伦敦',
  travel: 'MU5112',
  vulnerable: [],
  emergencyContact: '',
  emergencyPhoneMasked: '',
  notes: '',
  version: 2,
};

function showSmith() {
  let person = SMITH;
  const fake = installFakeApi({
    'people.history': (): PersonHistory => ({ person, stays: [] }),
    'people.setBirthDate': ({ birthDate }) => {
      person = { ...person, birthDate, age: 76, vulnerable: ['elderly'] };
      return { person, stays: [] };
    },
  });
  renderUi(
    <PersonPage
      personId={7}
      onBack={() => undefined}
      onPrintNotice={() => undefined}
      noticeDialog={null}
    />,
  );
  return fake;
}

describe('the person page of someone whose birth date the list did not give', () => {
  it('shows 年龄不详 and the list’s details', async () => {
    showSmith();
    await screen.findByRole('heading', { name: 'John Smith' });
    expect(screen.getByText(/年龄 年龄不详/)).toBeTruthy();
    const details = screen.getByRole('table', { name: '基本信息' });
    const row = (label: string) =>
      within(details).getByRole('columnheader', { name: label }).closest('tr')!.textContent;
    expect(row('出生日期')).toBe('出生日期不详填写出生日期');
    expect(row('来源地')).toBe('来源地虹桥街道');
    expect(row('户籍地')).toBe('户籍地英国伦敦');
    expect(row('车次/航班')).toBe('车次/航班MU5112');
  });

  it('lets the coordinator fill the birth date in, and shows the age it gives', async () => {
    const { calls } = showSmith();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '填写出生日期' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText(/出生日期/), '1950-02-01');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'people.setBirthDate')).toEqual([
        { personId: 7, birthDate: '1950-02-01', expectedVersion: 2 },
      ]),
    );
    expect(await screen.findByText(/年龄 76/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '填写出生日期' })).toBeNull();
  });

  it('offers no fill-in to someone who may only read', async () => {
    installFakeApi({ 'people.history': () => ({ person: SMITH, stays: [] }) });
    renderUi(
      <PersonPage
        personId={7}
        onBack={() => undefined}
        onPrintNotice={() => undefined}
        noticeDialog={null}
      />,
      ['viewer'],
    );
    await screen.findByRole('heading', { name: 'John Smith' });
    expect(screen.queryByRole('button', { name: '填写出生日期' })).toBeNull();
  });
});

describe('filling in a birth date another desk filled in first', () => {
  it('shows their date and who entered it; “keep mine” saves mine on their version', async () => {
    let person: PersonDetail = SMITH;
    const fake = installFakeApi({
      'people.history': (): PersonHistory => ({ person, stays: [] }),
      'people.setBirthDate': ({ birthDate, expectedVersion }) => {
        if (expectedVersion === SMITH.version) {
          person = { ...SMITH, birthDate: '1961-05-04', age: 65, version: SMITH.version + 1 };
          throw new Refusal({
            code: 'CONFLICT',
            message: 'changed',
            params: { by: '周敏', at: '2026-12-06T02:15:00.000Z' },
            current: {
              version: person.version,
              record: person,
              by: '周敏',
              at: '2026-12-06T02:15:00.000Z',
            },
          });
        }
        person = { ...person, birthDate, version: person.version + 1 };
        return { person, stays: [] };
      },
    });
    renderUi(
      <PersonPage
        personId={7}
        onBack={() => undefined}
        onPrintNotice={() => undefined}
        noticeDialog={null}
      />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '填写出生日期' }));
    const form = screen.getByRole('dialog');
    await user.type(within(form).getByLabelText(/出生日期/), '1961-04-05');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    const conflict = await screen.findByRole('dialog', { name: '此记录已被他人修改' });
    expect(within(conflict).getByText('另一台电脑上的 周敏 于 10:15 修改了此记录')).toBeTruthy();
    const cells = [
      ...within(conflict).getByRole('rowheader', { name: '出生日期' }).closest('tr')!.cells,
    ];
    expect(cells.map((c) => c.textContent)).toEqual(['出生日期', '1961-05-04', '1961-04-05']);

    await user.click(within(conflict).getByRole('button', { name: '保留我的' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(inputsOf(fake.calls, 'people.setBirthDate').map((i) => i.expectedVersion)).toEqual([
      SMITH.version,
      SMITH.version + 1,
    ]);
  });
});
