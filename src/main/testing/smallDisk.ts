import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small real filesystem (tmpfs of `sizeKb`) mounted at `dir`, for tests of a full disk; null
 * where mounting is not permitted (not root, no tmpfs), and the caller skips. `unmount` on every
 * path: the caller's finally.
 */
export function mountSmallDisk(dir: string, sizeKb: number): { unmount: () => void } | null {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
  } catch {
    return null;
  }
  return {
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the disk holding `dir` to the last byte it will take; `free()` gives the space back. */
export function fillDisk(dir: string): { free: () => void } {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (let chunk = 1 << 20; chunk >= 1; chunk >>= 1) {
      const bytes = Buffer.alloc(chunk);
      for (;;) {
        try {
          writeSync(fd, bytes);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return { free: () => rmSync(filler, { force: true }) };
}
