import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { makePrivate } from '../../platform/dataDir';

/** Created owner-only (0600), narrowed if it existed wider, and flushed before returning. */
export function writePrivateFile(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  makePrivate(path);
}
