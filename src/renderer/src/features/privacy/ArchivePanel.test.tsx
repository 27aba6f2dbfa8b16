import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/accounts';
import { inputsOf, installFakeApi, Refusal } from '@renderer/testing/fakeApi';
import { renderUi } from '@renderer/testing/renderUi';
import { ArchivePanel } from './ArchivePanel';

const ZIP: ExportedFile = {
  filename: '隔离点归档_物资管理_2026-12-06.zip',
  mime: 'application/zip',
  base64: 'UEs=',
};

function openPanel(answer: (input: unknown) => ExportedFile = () => ZIP) {
  const fake = installFakeApi({ 'archive.export': answer });
  renderUi(<ArchivePanel preview={undefined} onExported={() => undefined} />, [
    'administrator',
    'coordinator',
  ]);
  const stockButton = () => screen.getByRole('button', { name: '物资管理' });
  return { ...fake, stockButton };
}

describe('the archive asks how the file is protected before anything is exported', () => {
  it('needs a password of 10 characters, typed twice alike, and sends it with the export', async () => {
    const { calls, stockButton } = openPanel();
    expect(stockButton()).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('压缩包密码'), 'short');
    expect(await screen.findByText('至少 10 个字符')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('压缩包密码'), '-and-long');
    await userEvent.type(screen.getByLabelText('再次输入密码'), 'short-and-lonG');
    expect(await screen.findByText('两次输入的密码不一致')).toBeTruthy();
    expect(stockButton()).toHaveProperty('disabled', true);
    await userEvent.clear(screen.getByLabelText('再次输入密码'));
    await userEvent.type(screen.getByLabelText('再次输入密码'), 'short-and-long');
    await userEvent.click(stockButton());
    await waitFor(() =>
      expect(inputsOf(calls, 'archive.export')).toEqual([
        { domain: 'stock', protection: { kind: 'zip', password: 'short-and-long' } },
      ]),
    );
  });

  it('gives a plain workbook only once the administrator says they will protect it', async () => {
    const { calls, stockButton } = openPanel(() => ({ ...ZIP, filename: 'x.xlsx' }));
    await userEvent.click(screen.getByLabelText('不加密的 Excel 工作簿'));
    expect(stockButton()).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByLabelText(/我将自行保护此文件/));
    await userEvent.click(stockButton());
    await waitFor(() =>
      expect(inputsOf(calls, 'archive.export')).toEqual([
        { domain: 'stock', protection: { kind: 'plain', protectMyself: true } },
      ]),
    );
  });

  it("shows main's refusal of a common password at the password field", async () => {
    const { stockButton } = openPanel(() => {
      throw new Refusal({
        code: 'WEAK_PASSWORD',
        message: 'too common',
        fields: { 'protection.password': 'password_common' },
      });
    });
    await userEvent.type(screen.getByLabelText('压缩包密码'), 'qwertyuiop');
    await userEvent.type(screen.getByLabelText('再次输入密码'), 'qwertyuiop');
    await userEvent.click(stockButton());
    expect((await screen.findAllByText('这个密码太常见，请换一个。')).length).toBeGreaterThan(0);
    expect(screen.getByLabelText('压缩包密码').getAttribute('aria-invalid')).toBe('true');
  });
});
