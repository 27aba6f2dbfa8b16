import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, valueOf } from '../testing/authTesting';
import { makeDesk, type Desk } from '../testing/peopleTesting';
import type { ExportedFile } from '../../shared/accounts';

describe('print.toPdf', () => {
  let desk: Desk;
  beforeEach(() => {
    desk = makeDesk();
  });
  afterEach(() => desk.t.close());

  it("returns the calling window's PDF when the shell can print it", async () => {
    const pdf = Buffer.from('%PDF-1.7\n%stand-in for the window\n');
    const file = valueOf<ExportedFile>(
      await desk.tr.router.invoke('print.toPdf', { filename: '日报 2026-11-29.pdf' }, desk.handle, {
        printToPdf: () => Promise.resolve(pdf),
      }),
    );
    expect(file).toEqual({
      filename: '日报 2026-11-29.pdf',
      mime: 'application/pdf',
      base64: pdf.toString('base64'),
    });
  });

  it('answers NOT_AVAILABLE in the browser shell, and refuses a name with a path', async () => {
    expect(errorOf(await desk.invoke('print.toPdf', { filename: 'a.pdf' })).code).toBe(
      'NOT_AVAILABLE',
    );
    for (const filename of ['../a.pdf', 'C:\\a.pdf', 'a.txt', 'a:b.pdf']) {
      expect(errorOf(await desk.invoke('print.toPdf', { filename })), filename).toMatchObject({
        code: 'INVALID_INPUT',
        fields: { filename: 'file_name' },
      });
    }
  });

  it('reports a failing print as INTERNAL, logged with its cause', async () => {
    const result = await desk.tr.router.invoke('print.toPdf', { filename: 'a.pdf' }, desk.handle, {
      printToPdf: () => Promise.reject(new Error('printer gone')),
    });
    expect(errorOf(result).code).toBe('INTERNAL');
    expect(desk.tr.logger.entries.map((e) => e.message)).toEqual([
      'Unexpected failure in print.toPdf',
    ]);
  });
});
