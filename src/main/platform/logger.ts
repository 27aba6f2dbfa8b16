import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../ipc/router';
import { makePrivate, makePrivateFolder } from './dataDir';

/** Errors go to stderr and to `<dataDir>/logs/main.log`, with their stacks; never to the renderer. */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  try {
    makePrivateFolder(dir);
  } catch {
    // A write-protected data folder: the app still starts (read-only), logging to stderr.
  }
  const file = join(dir, 'main.log');
  // A log written by an earlier version may be readable by others: it names people and errors.
  makePrivate(file);
  return {
    error(message, error) {
      const detail =
        error instanceof Error
          ? (error.stack ?? error.message)
          : error === undefined
            ? ''
            : String(error);
      const line = `${new Date().toISOString()} ERROR ${message}${detail ? `\n${detail}` : ''}\n`;
      process.stderr.write(line);
      try {
        appendFileSync(file, line, { mode: 0o600 });
      } catch {
        // The log must never take the app down; stderr already has the line.
      }
    },
  };
}
