import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore } from '../app';
import { makeTempDir } from '../testing/tempDb';
import { createFileLogger } from './logger';

/** Every file and folder under `dir`, with its permission bits. */
function modesUnder(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (path: string): void => {
    found[relative(dir, path) || '.'] = (statSync(path).mode & 0o777).toString(8);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

describe.skipIf(process.platform === 'win32')('the data folder is private to its owner', () => {
  let remove: () => void;
  let dataDir: string;
  beforeEach(() => {
    const temp = makeTempDir();
    remove = temp.remove;
    dataDir = join(temp.dir, 'data');
  });
  afterEach(() => remove());

  it('creates the folder 0700 and the database, its log, the logs and the backups 0600', async () => {
    const logger = createFileLogger(dataDir);
    const core = await startCore({ dataDir, shell: 'browser', logger });
    try {
      core.db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run();
      await core.backups.backup(core.db, 'manual');
      logger.error('A line for the log');
      const modes = modesUnder(dataDir);
      // The files this test expects are there (else it would prove nothing).
      expect(Object.keys(modes)).toEqual(
        expect.arrayContaining([
          'isolation-site-desk.sqlite',
          'isolation-site-desk.sqlite-wal',
          'isolation-site-desk.sqlite-shm',
          'logs/main.log',
          'backups',
          'desk.lock',
        ]),
      );
      expect(Object.keys(modes).filter((path) => path.endsWith('-manual.sqlite'))).toHaveLength(1);
      for (const [path, mode] of Object.entries(modes)) {
        const folder = statSync(join(dataDir, path)).isDirectory();
        expect(mode, path).toBe(folder ? '700' : '600');
      }
    } finally {
      core.close();
    }
  });
});
