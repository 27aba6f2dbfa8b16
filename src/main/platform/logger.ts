import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../ipc/router';

/** Errors go to stderr and to `<dataDir>/logs/main.log`, with their stacks; never to the renderer. */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // A write-protected data folder: the app still starts (read-only), logging to stderr.
  }
  const file = join(dir, 'main.log');
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
        appendFileSync(file, line);
      } catch {
        // The log must never take the app down; stderr already has the line.
      }
    },
  };
}
