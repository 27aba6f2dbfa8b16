import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ANCHOR_REASONS, type AuditAnchor } from '../../../shared/accounts';

/** One JSON anchor a line, only ever appended to, in the data folder beside the database. */
export const ANCHORS_FILE = 'audit-anchors.jsonl';

export const anchorsFileOf = (dataDir: string): string => join(dataDir, ANCHORS_FILE);

const HASH = /^[0-9a-f]{64}$/;

/** A line that is not a whole anchor (a write cut short by a power cut) is not an anchor. */
export function parseAnchor(line: string): AuditAnchor | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  const ok =
    typeof a.at === 'string' &&
    !Number.isNaN(Date.parse(a.at)) &&
    Number.isSafeInteger(a.count) &&
    (a.count as number) >= 0 &&
    typeof a.headHash === 'string' &&
    HASH.test(a.headHash) &&
    (AUDIT_ANCHOR_REASONS as readonly unknown[]).includes(a.reason) &&
    (a.source === null || typeof a.source === 'string');
  return ok ? (value as AuditAnchor) : null;
}

/** Every anchor in the order written; no file yet means none. */
export function readAnchors(dataDir: string): AuditAnchor[] {
  let text: string;
  try {
    text = readFileSync(anchorsFileOf(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .map(parseAnchor)
    .filter((a): a is AuditAnchor => a !== null);
}

/** How much of the file's end is read for its newest anchor (a line is about 200 bytes). */
const TAIL_BYTES = 16 * 1024;

/**
 * The last anchor written: what the chain is checked against. Read from the end of the file, which
 * grows by some fifty lines a day and is never rotated.
 */
export function newestAnchor(dataDir: string): AuditAnchor | null {
  let fd: number;
  try {
    fd = openSync(anchorsFileOf(dataDir), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const lines = tail.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const anchor = parseAnchor(lines[i]!);
      if (anchor) return anchor;
    }
  } finally {
    closeSync(fd);
  }
  // Only damaged lines at the end: the whole file, then.
  return readAnchors(dataDir).at(-1) ?? null;
}

/**
 * Appends one line and flushes it to the disk before returning. Created owner-only (0600). A line
 * a crash left unfinished is closed first, so that it cannot swallow this one.
 */
export function appendAnchorLine(file: string, anchor: AuditAnchor): void {
  const fd = openSync(file, 'a+', 0o600);
  try {
    const { size } = fstatSync(fd);
    const last = Buffer.alloc(1);
    const unfinished = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeSync(fd, `${unfinished ? '\n' : ''}${JSON.stringify(anchor)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
