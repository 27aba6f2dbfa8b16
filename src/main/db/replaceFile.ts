import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FileSwap {
  /** The new file opened fine: drop the old one. */
  commit(): void;
  /** Put the old file back where it was. */
  undo(): void;
}

/** The -wal and -shm beside a database file. */
export const sidecarsOf = (file: string): string[] => [`${file}-wal`, `${file}-shm`];

/** Every file SQLite may keep beside a database: its rollback journal, -wal and -shm. */
export const journalsOf = (file: string): string[] => [`${file}-journal`, ...sidecarsOf(file)];

/** Opens `path` with `flags`, flushes it to the disk and closes it. */
function flush(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a written file to the disk before it is renamed into place. */
export const fsyncFile = (file: string): void => flush(file, 'r+');

/**
 * Flushes a folder's entries: a rename or unlink is only durable once its directory is. Windows
 * cannot open a folder for fsync (and NTFS journals its renames), so there it is skipped.
 */
export function fsyncFolder(folder: string): void {
  if (process.platform !== 'win32') flush(folder, 'r');
}

/** Removes a file (if there) and its journals. */
export function removeWithJournals(file: string): void {
  for (const path of [file, ...journalsOf(file)]) rmSync(path, { force: true });
}

/** Where a restore prepares the incoming copy, and where it keeps the file it replaces. */
export const restoringName = (file: string): string => `${file}.restoring`;
export const beforeRestoreName = (file: string): string => `${file}.before-restore`;
/**
 * Written (and flushed) once the incoming copy is complete and before the first rename: while it
 * exists, the restore goes forward at the next start; without it, whatever was half-done is undone.
 */
export const restoreMarkerName = (file: string): string => `${file}.restore-committed`;

/** Each step of a swap, after it happened: the crash test stops the process at any of them. */
export type SwapStep = (step: string) => void;

const noStep: SwapStep = () => undefined;

/** Creates an empty file and flushes it and its folder. */
function writeMarker(marker: string): void {
  flush(marker, 'w');
  fsyncFolder(dirname(marker));
}

/**
 * Puts the prepared, flushed `<file>.restoring` in place of the (closed) database `file`. The
 * marker goes first, so every instant is covered: before it, the old file is untouched; after it,
 * `settleInterruptedRestore` finishes the swap. Stale -wal/-shm go before the rename: SQLite would
 * otherwise replay an old write-ahead log into the restored file. Each rename is flushed.
 */
export function swapInRestoredFile(file: string, step: SwapStep = noStep): FileSwap {
  const folder = dirname(file);
  const previous = beforeRestoreName(file);
  const marker = restoreMarkerName(file);
  removeWithJournals(previous);
  writeMarker(marker);
  step('marker written');
  rollForward(file, step);
  rmSync(marker);
  fsyncFolder(folder);
  step('marker removed');
  return {
    commit: () => {
      rmSync(previous, { force: true });
      step('previous removed');
    },
    undo: () => {
      removeWithJournals(file);
      if (existsSync(previous)) renameSync(previous, file);
      fsyncFolder(folder);
    },
  };
}

/** The renames of a committed swap, each skipped when it already happened. */
function rollForward(file: string, step: SwapStep): void {
  const folder = dirname(file);
  const incoming = restoringName(file);
  if (!existsSync(incoming)) return;
  for (const sidecar of sidecarsOf(file)) rmSync(sidecar, { force: true });
  step('stale log removed');
  if (existsSync(file)) {
    renameSync(file, beforeRestoreName(file));
    fsyncFolder(folder);
    step('previous moved aside');
  }
  renameSync(incoming, file);
  fsyncFolder(folder);
  step('incoming moved in');
}

/** What a start found of an interrupted restore, for the log; null when there was nothing. */
export type RestoreSettlement = 'finished' | 'undone' | 'cleaned' | null;

/**
 * At start, before the database is opened: a restore interrupted by a crash is finished (its
 * marker was written: the incoming copy is complete and already holds the restore's audit row) or
 * undone (no marker: the old file comes back and the half-prepared copy goes). Never leaves the
 * folder without its database while a copy of the data sits beside it under another name.
 */
export function settleInterruptedRestore(file: string): RestoreSettlement {
  const folder = dirname(file);
  const incoming = restoringName(file);
  const previous = beforeRestoreName(file);
  const marker = restoreMarkerName(file);
  if (existsSync(marker)) {
    rollForward(file, noStep);
    // The old file goes only once the new one is in place (a copy removed by hand stays undone).
    if (existsSync(file)) rmSync(previous, { force: true });
    else if (existsSync(previous)) renameSync(previous, file);
    rmSync(marker);
    fsyncFolder(folder);
    return 'finished';
  }
  const hadIncoming = [incoming, ...journalsOf(incoming)].some((path) => existsSync(path));
  removeWithJournals(incoming);
  if (existsSync(previous)) {
    if (existsSync(file)) {
      // The swap was complete (no marker any more); only the old file was still to go.
      rmSync(previous);
      fsyncFolder(folder);
      return 'cleaned';
    }
    renameSync(previous, file);
    fsyncFolder(folder);
    return 'undone';
  }
  if (hadIncoming) fsyncFolder(folder);
  return hadIncoming ? 'cleaned' : null;
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
