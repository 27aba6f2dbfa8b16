import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDb';
import {
  beforeRestoreName,
  restoreMarkerName,
  restoringName,
  settleInterruptedRestore,
  swapInRestoredFile,
} from './replaceFile';

/** Stands for the data: the swap and its settling only move files, so any content will do. */
const contentOf = (file: string): string | null =>
  existsSync(file) ? readFileSync(file, 'utf8') : null;

describe('the restore swap, stopped at every step and settled as the next start does', () => {
  let dir: string;
  let remove: () => void;
  let file: string;
  beforeEach(() => {
    ({ dir, remove } = makeTempDir());
    file = join(dir, 'desk.sqlite');
  });
  afterEach(() => remove());

  /** Runs a swap that "dies" after step `stopAt` (an exception leaves the files as a kill would). */
  function interrupted(stopAt: number, hadPrevious = true): string[] {
    if (hadPrevious) writeFileSync(file, 'old');
    writeFileSync(`${file}-wal`, 'stale log of the old file');
    writeFileSync(restoringName(file), 'new');
    const steps: string[] = [];
    try {
      swapInRestoredFile(file, (step) => {
        steps.push(step);
        if (steps.length === stopAt) throw new Error('killed');
      }).commit();
    } catch {
      // The process "died" here.
    }
    return steps;
  }

  it('ends with the old file or the new one, whole, and nothing beside it', () => {
    const all = interrupted(Infinity);
    expect(all).toEqual([
      'marker written',
      'stale log removed',
      'previous moved aside',
      'incoming moved in',
      'marker removed',
      'previous removed',
    ]);
    for (const hadPrevious of [true, false]) {
      for (let stopAt = 0; stopAt <= all.length; stopAt++) {
        remove();
        ({ dir, remove } = makeTempDir());
        file = join(dir, 'desk.sqlite');
        interrupted(stopAt, hadPrevious);
        settleInterruptedRestore(file);
        // The marker is the first step: from there on the restore goes forward.
        expect(contentOf(file), `stopped after step ${stopAt}`).toBe('new');
        expect(readdirSync(dir), `stopped after step ${stopAt}`).toEqual(['desk.sqlite']);
        expect(settleInterruptedRestore(file)).toBeNull();
      }
    }
  });

  it('keeps the old file when the copy was still being prepared (no marker yet)', () => {
    writeFileSync(file, 'old');
    writeFileSync(restoringName(file), 'half');
    writeFileSync(`${restoringName(file)}-wal`, 'half');
    expect(settleInterruptedRestore(file)).toBe('cleaned');
    expect(contentOf(file)).toBe('old');
    expect(readdirSync(dir)).toEqual(['desk.sqlite']);
  });

  it('never deletes the old file while no new one is in place, marker or not', () => {
    writeFileSync(beforeRestoreName(file), 'old');
    writeFileSync(restoreMarkerName(file), '');
    settleInterruptedRestore(file);
    expect(contentOf(file)).toBe('old');
    expect(readdirSync(dir)).toEqual(['desk.sqlite']);
  });

  it('undoes a half-prepared copy and a swap of the earlier version cut between its renames', () => {
    writeFileSync(beforeRestoreName(file), 'old');
    writeFileSync(restoringName(file), 'half');
    writeFileSync(`${restoringName(file)}-journal`, 'half');
    expect(settleInterruptedRestore(file)).toBe('undone');
    expect(contentOf(file)).toBe('old');
    expect(readdirSync(dir)).toEqual(['desk.sqlite']);
    expect(existsSync(restoreMarkerName(file))).toBe(false);
  });
});
