import { makePrivateFolder } from '../../platform/dataDir';
import { lockDataFolder } from '../../platform/folderLock';

/**
 * The folder-lock test's child process: `node lockHolder.cjs <dataDir>` takes the data folder's
 * lock, prints "locked" (or the refusal) and keeps it until killed.
 */
if (process.env.ISD_CRASH_WRITER === '1') {
  try {
    makePrivateFolder(process.argv[2]!);
    lockDataFolder(process.argv[2]!, 'browser');
    process.stdout.write('locked\n');
    setInterval(() => undefined, 60_000);
  } catch (error) {
    process.stdout.write(`${(error as Error).message}\n`);
    process.exit(3);
  }
}
