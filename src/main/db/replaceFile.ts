import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';

export interface FileSwap {
  /** The new file opened fine: drop the old one. */
  commit(): void;
  /** Put the old file back where it was. */
  undo(): void;
}

/** The -wal and -shm beside a database file. */
export const sidecarsOf = (file: string): string[] => [`${file}-wal`, `${file}-shm`];

/** Flushes a written file to the disk before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a copy of `source` in place of the (closed) database `file`. Stale -wal/-shm files go
 * first: SQLite would otherwise replay an old write-ahead log into the restored file. The copy
 * is flushed under a temporary name and renamed in, so the file is whole at every moment.
 */
export function swapInDatabaseFile(file: string, source: string): FileSwap {
  for (const sidecar of sidecarsOf(file)) rmSync(sidecar, { force: true });
  const incoming = `${file}.restoring`;
  const previous = `${file}.before-restore`;
  rmSync(incoming, { force: true });
  copyFileSync(source, incoming);
  fsyncFile(incoming);
  const hadPrevious = existsSync(file);
  // Left by a restore that crashed half-way (Windows will not rename onto an existing file).
  rmSync(previous, { force: true });
  if (hadPrevious) renameSync(file, previous);
  renameSync(incoming, file);
  return {
    commit: () => rmSync(previous, { force: true }),
    undo: () => {
      for (const sidecar of sidecarsOf(file)) rmSync(sidecar, { force: true });
      rmSync(file, { force: true });
      if (hadPrevious) renameSync(previous, file);
    },
  };
}

/**
 * Moves a damaged file and its -wal/-shm aside under `aside` (+ the same suffixes); a name already
 * taken gets `-2`, `-3`…, so one damaged file never replaces another. Returns the name used.
 */
export function setFileAside(file: string, aside: string): string {
  let target = aside;
  for (let n = 2; existsSync(target); n++) target = `${aside}-${n}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
