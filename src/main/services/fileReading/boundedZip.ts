import { crc32, inflateRawSync } from 'node:zlib';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { damaged, MB, overLimit } from './refusal';

/*
 * The zip directory of a workbook, checked before anything is inflated. No installed reader
 * exposes what must be checked here (every declared size against the caps, entries that overlap
 * or disagree with their local headers) without first trusting the file, so the directory is read
 * by hand: classic zip only (no zip64, no encryption, stored or deflated entries), which is every
 * workbook Excel, WPS and LibreOffice write below the 5 MB import limit.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's data starts in the file (after its local header). */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Entries this small cannot be bombs whatever their ratio. */
const RATIO_FLOOR = 1 * MB;

function endOfDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length)
      return at;
  }
  throw damaged('zip_damaged', 'no end of the zip directory');
}

/** Every entry of the zip by name, each declared size within FILE_LIMITS; nothing is inflated. */
export function readZipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const eocd = endOfDirectory(bytes);
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0)
    throw damaged('zip_unsupported', 'a zip split over several disks');
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw damaged('zip_unsupported', 'a zip64 file');
  if (count > FILE_LIMITS.zip_entries) throw overLimit('zip_entries', `${count} zip entries`);
  if (offset + size > eocd) throw damaged('zip_damaged', 'the zip directory lies past its end');

  const entries = new Map<string, ZipEntry>();
  const spans: [number, number][] = [];
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL)
      throw damaged('zip_damaged', `zip directory entry ${i} is damaged`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const entrySize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at = next;
    if (flags & 0x1) throw damaged('zip_unsupported', `${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw damaged('zip_unsupported', `${name} is compressed by method ${method}`);
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || local === 0xffffffff)
      throw damaged('zip_unsupported', `${name} is a zip64 entry`);
    if (entrySize > FILE_LIMITS.zip_total_mb * MB)
      throw overLimit('zip_total_mb', `${name} declares ${entrySize} bytes`);
    total += entrySize;
    if (total > FILE_LIMITS.zip_total_mb * MB)
      throw overLimit('zip_total_mb', `the entries declare more than ${total} bytes`);
    if (entrySize > RATIO_FLOOR && entrySize > FILE_LIMITS.zip_ratio * compressedSize)
      throw overLimit('zip_ratio', `${name} expands ${entrySize} / ${compressedSize} times`);
    if (method === 0 && compressedSize !== entrySize)
      throw damaged('zip_damaged', `${name} is stored with two sizes`);
    if (entries.has(name)) throw damaged('zip_damaged', `${name} appears twice`);

    if (local + 30 > offset || bytes.readUInt32LE(local) !== LOCAL)
      throw damaged('zip_damaged', `the local header of ${name} is missing`);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (dataStart + compressedSize > offset)
      throw damaged('zip_damaged', `${name} runs into the zip directory`);
    spans.push([local, dataStart + compressedSize]);
    entries.set(name, { name, method, crc, compressedSize, size: entrySize, dataStart });
  }
  if (at !== offset + size) throw damaged('zip_damaged', 'the zip directory has stray bytes');
  // Entries sharing their data make a small file declare many times its size (overlap bombs).
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) throw damaged('zip_damaged', 'zip entries overlap');
  }
  return entries;
}

/**
 * The entry's bytes, at most FILE_LIMITS.zip_part_mb: inflation stops at the declared size, so an
 * entry that lies about it is refused before it can grow, and a short or altered one by its CRC.
 */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  if (entry.size > FILE_LIMITS.zip_part_mb * MB)
    throw overLimit('zip_part_mb', `${entry.name} declares ${entry.size} bytes`);
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let content: Buffer;
  if (entry.method === 0) {
    content = data;
  } else {
    try {
      // One byte of room past the declared size tells a longer entry from an exact one.
      content = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch {
      throw damaged('zip_damaged', `${entry.name} does not inflate to its declared size`);
    }
  }
  if (content.length !== entry.size)
    throw damaged('zip_damaged', `${entry.name} is not ${entry.size} bytes`);
  if (crc32(content) !== entry.crc) throw damaged('zip_damaged', `${entry.name} fails its CRC`);
  return content;
}
