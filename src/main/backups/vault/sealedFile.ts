import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { DomainError } from '../../services/errors';
import type { SecretWrap } from './wrap';

/**
 * An encrypted backup: `ISDVAULT`, a format version, the length of a JSON header (how the data key
 * is wrapped, the chunk size, the file's own salt and nonce prefix, the plain size), then the
 * plain file in AES-256-GCM chunks of CHUNK_SIZE bytes, each followed by its 16-byte tag. Each
 * chunk's additional data binds the header, its index and whether it is the last, so a changed
 * byte, swapped chunks or a file cut short all fail authentication.
 */
export const SEALED_MAGIC = Buffer.from('ISDVAULT', 'latin1');
export const SEALED_VERSION = 1;
export const CHUNK_SIZE = 1024 ** 2;
const TAG = 16;
const PREFIX = 14; // magic + u16 version + u32 header length
const MAX_HEADER = 64 * 1024;

export interface SealedHeader {
  /** Which data key sealed the file (see keyIdOf); never the key itself. */
  keyId: string;
  /** The data key wrapped under the recovery key or passphrase current when it was written. */
  wrap: SecretWrap;
  chunkSize: number;
  /** base64: the file key is HKDF(data key, salt); nonces are prefix + chunk counter. */
  salt: string;
  noncePrefix: string;
  plainSize: number;
}

/** A data key's public name: an HMAC of a constant, so it says nothing about the key. */
export const keyIdOf = (dataKey: Buffer): string =>
  createHmac('sha256', dataKey).update('isd-data-key-id').digest('base64url').slice(0, 16);

const fileKey = (dataKey: Buffer, salt: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', dataKey, salt, 'isd-backup-file:v1', 32));

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function chunkAad(headerHash: Buffer, index: number, final: boolean): Buffer {
  const aad = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(aad);
  aad.writeUInt32BE(index, headerHash.length);
  aad[headerHash.length + 4] = final ? 1 : 0;
  return aad;
}

const damaged = (name: string, why: string): DomainError =>
  new DomainError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${why}`, { name });
const cutOff = (name: string, why: string): DomainError =>
  new DomainError('BACKUP_TRUNCATED', `The backup ${name} was cut off: ${why}`, { name });

function encodePrefix(header: SealedHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  SEALED_MAGIC.copy(prefix);
  prefix.writeUInt16BE(SEALED_VERSION, 8);
  prefix.writeUInt32BE(json.length, 10);
  return Buffer.concat([prefix, json]);
}

/** Whether the file starts like one of ours (else: a plain SQLite backup, or not a backup). */
export function isSealedFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SEALED_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SEALED_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function isHeader(value: unknown): value is SealedHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const wrap = h.wrap as Record<string, unknown> | undefined;
  return (
    typeof h.keyId === 'string' &&
    typeof h.salt === 'string' &&
    typeof h.noncePrefix === 'string' &&
    h.chunkSize === CHUNK_SIZE &&
    Number.isSafeInteger(h.plainSize) &&
    typeof wrap === 'object' &&
    wrap !== null &&
    (wrap.kind === 'recovery-key' || wrap.kind === 'passphrase') &&
    typeof wrap.kdf === 'object' &&
    typeof wrap.nonce === 'string' &&
    typeof wrap.tag === 'string' &&
    typeof wrap.wrapped === 'string'
  );
}

/** The header of a sealed file, with the bytes it was read from (bound into every chunk). */
export function readSealedHeader(
  path: string,
  name: string,
): { header: SealedHeader; bytes: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const prefix = Buffer.alloc(PREFIX);
    if (readSync(fd, prefix, 0, PREFIX, 0) < PREFIX) throw cutOff(name, 'no whole header');
    if (!prefix.subarray(0, 8).equals(SEALED_MAGIC)) throw damaged(name, 'not an encrypted backup');
    const version = prefix.readUInt16BE(8);
    if (version !== SEALED_VERSION) throw damaged(name, `format version ${version}`);
    const length = prefix.readUInt32BE(10);
    if (length > MAX_HEADER) throw damaged(name, `header of ${length} bytes`);
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, PREFIX) < length) throw cutOff(name, 'no whole header');
    let header: unknown;
    try {
      header = JSON.parse(json.toString('utf8'));
    } catch {
      throw damaged(name, 'unreadable header');
    }
    if (!isHeader(header)) throw damaged(name, 'unexpected header');
    return { header, bytes: Buffer.concat([prefix, json]), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypts `plainPath` into `sealedPath` chunk by chunk (never the whole file in memory),
 * flushed to disk. The caller removes the plain file.
 */
export async function sealFile(
  plainPath: string,
  sealedPath: string,
  dataKey: Buffer,
  wrap: SecretWrap,
): Promise<void> {
  const input = await open(plainPath, 'r');
  const output = await open(sealedPath, 'w', 0o600);
  try {
    const plainSize = (await input.stat()).size;
    const salt = randomBytes(16);
    const noncePrefix = randomBytes(8);
    const header: SealedHeader = {
      keyId: keyIdOf(dataKey),
      wrap,
      chunkSize: CHUNK_SIZE,
      salt: salt.toString('base64'),
      noncePrefix: noncePrefix.toString('base64'),
      plainSize,
    };
    const prefix = encodePrefix(header);
    const headerHash = createHash('sha256').update(prefix).digest();
    const key = fileKey(dataKey, salt);
    await output.write(prefix);
    const chunks = Math.max(1, Math.ceil(plainSize / CHUNK_SIZE));
    const buffer = Buffer.alloc(CHUNK_SIZE);
    for (let index = 0; index < chunks; index++) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK_SIZE, index * CHUNK_SIZE);
      const cipher = createCipheriv('aes-256-gcm', key, nonceOf(noncePrefix, index));
      cipher.setAAD(chunkAad(headerHash, index, index === chunks - 1));
      const sealed = Buffer.concat([
        cipher.update(buffer.subarray(0, bytesRead)),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      await output.write(sealed);
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
}

/**
 * Decrypts a sealed file into `plainPath` (created owner-only). A file shorter than its header
 * says is refused as BACKUP_TRUNCATED before anything is decrypted; any chunk that does not
 * authenticate (a changed byte, chunks swapped, a header edited) as BACKUP_DAMAGED. On refusal
 * nothing is left at `plainPath`.
 */
export function openSealedFile(
  sealedPath: string,
  plainPath: string,
  dataKey: Buffer,
  name: string,
): void {
  const { header, bytes, size } = readSealedHeader(sealedPath, name);
  if (header.keyId !== keyIdOf(dataKey)) throw damaged(name, 'sealed with another key');
  const chunks = Math.max(1, Math.ceil(header.plainSize / header.chunkSize));
  const body = size - bytes.length;
  const expected = header.plainSize + chunks * TAG;
  if (body < expected) throw cutOff(name, `${body} of ${expected} bytes after the header`);
  if (body > expected) throw damaged(name, `${body - expected} bytes more than its header says`);
  const headerHash = createHash('sha256').update(bytes).digest();
  const key = fileKey(dataKey, Buffer.from(header.salt, 'base64'));
  const prefix = Buffer.from(header.noncePrefix, 'base64');
  const whole = header.chunkSize + TAG;
  const input = openSync(sealedPath, 'r');
  const output = openSync(plainPath, 'w', 0o600);
  let complete = false;
  try {
    const buffer = Buffer.alloc(whole);
    for (let index = 0; index < chunks; index++) {
      const length = readSync(input, buffer, 0, whole, bytes.length + index * whole);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index));
        decipher.setAAD(chunkAad(headerHash, index, index === chunks - 1));
        decipher.setAuthTag(buffer.subarray(length - TAG, length));
        plain = Buffer.concat([
          decipher.update(buffer.subarray(0, length - TAG)),
          decipher.final(),
        ]);
      } catch {
        throw damaged(name, `chunk ${index} does not authenticate`);
      }
      writeSync(output, plain);
    }
    fsyncSync(output);
    complete = true;
  } finally {
    closeSync(input);
    closeSync(output);
    if (!complete) rmSync(plainPath, { force: true });
  }
}
