import ExcelJS from 'exceljs';
import { type FileEntry, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { errorOf } from '../testing/authTesting';
import {
  buildSite,
  checkInto,
  makeDesk,
  person,
  residentId,
  type Desk,
} from '../testing/peopleTesting';
import { TEST_NOW } from '../testing/tempDb';

const RESIDENT = {
  fullName: '陆海燕',
  documentNumber: residentId('1988-07-15', 'female', 452),
  phone: '13962881234',
};
const PASSWORD = 'Chongchuan-2026-archive';

/** How many times `needle` occurs in the file's bytes, as the app writes it (UTF-8). */
function occurrences(file: Buffer, needle: string): number {
  const bytes = Buffer.from(needle, 'utf8');
  let count = 0;
  for (let at = file.indexOf(bytes); at !== -1; at = file.indexOf(bytes, at + 1)) count++;
  return count;
}

/** The zip's one entry, a file (a directory or a second entry fails the test). */
async function onlyFile(zip: Buffer): Promise<FileEntry> {
  const entries = await new ZipReader(new Uint8ArrayReader(zip)).getEntries();
  expect(entries.map((e) => e.filename)).toHaveLength(1);
  const [entry] = entries;
  if (!entry || entry.directory) throw new Error('The archive zip holds no file');
  return entry;
}

describe('archive export in an AES-256 zip', () => {
  let desk: Desk;

  beforeEach(async () => {
    desk = makeDesk();
    const site = buildSite(desk.t.ctx, [
      { level: 3, rooms: [{ number: '3-301', capacity: 1, type: 'single' }] },
    ]);
    const batch = await desk.call('arrivals.create', {
      siteId: site.siteId,
      label: '虹桥街道第 2 车',
      arrivedAt: TEST_NOW.toISOString(),
    });
    await checkInto(desk, batch.id, site, [
      [person({ ...RESIDENT, gender: 'female', birthDate: '1988-07-15' }), '3-301'],
    ]);
  });
  afterEach(() => desk.t.close());

  const exportZip = (domain: MethodInput<'archive.export'>['domain'], password = PASSWORD) =>
    desk.call('archive.export', { domain, protection: { kind: 'zip', password } });

  it('holds the workbook encrypted: no name, ID or phone readable in the file, all of it with the password', async () => {
    const file = await exportZip('people');
    expect(file).toMatchObject({
      filename: '隔离点归档_人员与入住_2026-11-29.zip',
      mime: 'application/zip',
    });
    const zip = Buffer.from(file.base64, 'base64');
    for (const value of Object.values(RESIDENT)) expect(occurrences(zip, value), value).toBe(0);

    const entry = await onlyFile(zip);
    expect(entry).toMatchObject({
      filename: '隔离点归档_人员与入住_2026-11-29.xlsx',
      encrypted: true,
      zipCrypto: false,
      // WinZip AES: vendor "AE", strength 3 = AES-256.
      extraFieldAES: { vendorId: 0x41, strength: 3 },
    });
    const xlsx = await entry.getData(new Uint8ArrayWriter(), { password: PASSWORD });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    const values: string[] = [];
    workbook
      .getWorksheet('人员')!
      .eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values).toEqual(expect.arrayContaining(Object.values(RESIDENT)));
  });

  it('does not open with another password', async () => {
    const entry = await onlyFile(Buffer.from((await exportZip('health')).base64, 'base64'));
    await expect(
      entry.getData(new Uint8ArrayWriter(), { password: 'Chongchuan-2026-archivE' }),
    ).rejects.toThrow(/password/i);
  });

  it('audits the protection chosen, never the password', async () => {
    await exportZip('people');
    await desk.call('archive.export', {
      domain: 'stock',
      protection: { kind: 'plain', protectMyself: true },
    });
    const details = desk.t.ctx.db
      .prepare("SELECT detail FROM audit_log WHERE method = 'archive.export' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(details).toEqual([
      expect.stringMatching(/^people: .* in an AES-256 zip with a password typed at export; /),
      expect.stringMatching(/^stock: .* the administrator chose to protect the file themselves; /),
    ]);
    expect(JSON.stringify(desk.t.ctx.db.prepare('SELECT * FROM audit_log').all())).not.toContain(
      PASSWORD,
    );
  });

  it('refuses a short or common password, and a plain workbook nobody asked for', async () => {
    const refused = async (input: unknown) =>
      errorOf(await desk.invoke('archive.export', input as MethodInput<'archive.export'>));
    expect(
      await refused({ domain: 'people', protection: { kind: 'zip', password: 'short' } }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'protection.password': 'archive_password_short' },
    });
    expect(
      await refused({ domain: 'people', protection: { kind: 'zip', password: 'qwertyuiop' } }),
    ).toMatchObject({
      code: 'WEAK_PASSWORD',
      fields: { 'protection.password': 'password_common' },
    });
    expect(await refused({ domain: 'people' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await refused({ domain: 'people', protection: { kind: 'plain', protectMyself: false } }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    const exported = desk.t.ctx.db
      .prepare("SELECT count(*) FROM audit_log WHERE method = 'archive.export' AND outcome = 'ok'")
      .pluck()
      .get();
    expect(exported).toBe(0);
  });
});
