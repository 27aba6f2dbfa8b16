import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainErrorOf, makeTempDir } from '../../testing/tempDb';
import { CHUNK_SIZE, openSealedFile, readSealedHeader, sealFile } from './sealedFile';
import { wrapDataKey } from './wrap';
import { newRecoveryKey } from './recoveryKey';

const TAG = 16;

describe('sealed backup files', () => {
  let dir: string;
  let remove: () => void;
  const dataKey = randomBytes(32);
  const wrap = wrapDataKey(dataKey, newRecoveryKey(), 'recovery-key');
  beforeEach(() => ({ dir, remove } = makeTempDir()));
  afterEach(() => remove());

  /** A plain file of `size` random bytes, sealed; returns both paths and the plain bytes. */
  async function sealed(size: number) {
    const plain = randomBytes(size);
    writeFileSync(join(dir, 'plain'), plain);
    await sealFile(join(dir, 'plain'), join(dir, 'sealed'), dataKey, wrap);
    return { plain, path: join(dir, 'sealed'), out: join(dir, 'opened') };
  }
  const refusal = (path: string, out: string) =>
    domainErrorOf(() => openSealedFile(path, out, dataKey, 'b.isdbak')).code;

  it('opens to the same bytes, at any size: empty, under a chunk, whole chunks, and more', async () => {
    for (const size of [0, 1000, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 12_345]) {
      const { plain, path, out } = await sealed(size);
      const { header, bytes } = readSealedHeader(path, 'b.isdbak');
      expect(header).toMatchObject({ chunkSize: CHUNK_SIZE, plainSize: size, wrap });
      const chunks = Math.max(1, Math.ceil(size / CHUNK_SIZE));
      expect(statSync(path).size).toBe(bytes.length + size + chunks * TAG);
      openSealedFile(path, out, dataKey, 'b.isdbak');
      expect(readFileSync(out).equals(plain)).toBe(true);
    }
  });

  it('holds none of the plain bytes, and two seals of the same file differ', async () => {
    const { plain, path } = await sealed(CHUNK_SIZE + 100);
    const first = readFileSync(path);
    expect(first.indexOf(plain.subarray(5000, 5032))).toBe(-1);
    await sealFile(join(dir, 'plain'), join(dir, 'again'), dataKey, wrap);
    expect(readFileSync(join(dir, 'again')).subarray(-1000).equals(first.subarray(-1000))).toBe(
      false,
    );
  });

  it('refuses one flipped byte anywhere: header, a chunk, a tag', async () => {
    const { path, out } = await sealed(2 * CHUNK_SIZE + 10);
    const original = readFileSync(path);
    const { bytes } = readSealedHeader(path, 'b.isdbak');
    // In the header's salt, in the middle of chunk 1, in the last tag.
    const saltAt = original.indexOf('"salt":"') + 10;
    for (const at of [saltAt, bytes.length + CHUNK_SIZE + TAG + 500, original.length - 3]) {
      const copy = Buffer.from(original);
      copy[at]! ^= 0x01;
      writeFileSync(path, copy);
      expect(refusal(path, out)).toBe('BACKUP_DAMAGED');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses chunks in another order', async () => {
    const { path, out } = await sealed(3 * CHUNK_SIZE);
    const { bytes } = readSealedHeader(path, 'b.isdbak');
    const whole = CHUNK_SIZE + TAG;
    const chunk = (i: number) => {
      const buffer = Buffer.alloc(whole);
      const fd = openSync(path, 'r');
      readSync(fd, buffer, 0, whole, bytes.length + i * whole);
      closeSync(fd);
      return buffer;
    };
    const [zero, one] = [chunk(0), chunk(1)];
    const fd = openSync(path, 'r+');
    writeSync(fd, one, 0, whole, bytes.length);
    writeSync(fd, zero, 0, whole, bytes.length + whole);
    closeSync(fd);
    expect(refusal(path, out)).toBe('BACKUP_DAMAGED');
  });

  it('refuses a file cut off, at a chunk boundary or inside a chunk, or with bytes added', async () => {
    const { path, out } = await sealed(2 * CHUNK_SIZE + 10);
    const full = readFileSync(path);
    const { bytes } = readSealedHeader(path, 'b.isdbak');
    for (const length of [full.length - 1, bytes.length + 2 * (CHUNK_SIZE + TAG), 40]) {
      writeFileSync(path, full);
      truncateSync(path, length);
      expect(refusal(path, out)).toBe('BACKUP_TRUNCATED');
      expect(existsSync(out)).toBe(false);
    }
    writeFileSync(path, Buffer.concat([full, Buffer.from('x')]));
    expect(refusal(path, out)).toBe('BACKUP_DAMAGED');
  });

  it('refuses another data key', async () => {
    const { path, out } = await sealed(100);
    const error = domainErrorOf(() => openSealedFile(path, out, randomBytes(32), 'b.isdbak'));
    expect(error.code).toBe('BACKUP_DAMAGED');
  });
});
