import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate } from './dataDir';
import { parseWindowState, type WindowState } from './windowState';

export const WINDOW_STATE_FILE = 'window-state.json';

/** The state left in the data folder, or the defaults when there is none or it cannot be read. */
export function readWindowState(dataDir: string): WindowState {
  let text: string | undefined;
  try {
    text = readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return parseWindowState(text);
}

/**
 * Saves the state beside the database: written aside and renamed over the old file, so a crash
 * mid-write leaves the previous state, never half a file. A failure is only logged by the caller:
 * losing the window's place must not stop the app from closing.
 */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE);
  const aside = `${file}.tmp`;
  writeFileSync(aside, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  makePrivate(aside);
  renameSync(aside, file);
}
