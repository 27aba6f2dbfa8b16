import { startTestCore } from '../backupTesting';

/**
 * The restore-kill test's child process: `node restorer.cjs <dataDir> <backup name> <stop at>`.
 * It signs in and restores the backup through the router, and kills itself with SIGKILL right
 * after step number `stop at` of the restore (each copy, write, rename and unlink). A stop beyond
 * the last step lets the restore finish; it then prints how many steps there were.
 */
async function restoreUntilKilled(dataDir: string, name: string, stopAt: number): Promise<void> {
  let steps = 0;
  const tc = await startTestCore(dataDir, {
    restoreStep: () => {
      if (++steps === stopAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  const admin = await tc.signIn();
  const result = await tc.core.router.invoke('backups.restore', { name }, admin);
  tc.core.close();
  if (!result.ok) throw new Error(`The restore failed: ${result.error.code}`);
  process.stdout.write(`${steps}\n`);
}

// Run as the child process's entry (the bundle's only job); importing it does nothing.
if (process.env.ISD_CRASH_WRITER === '1') {
  const [dataDir, name, stopAt] = process.argv.slice(2);
  restoreUntilKilled(dataDir!, name!, Number(stopAt)).catch((error: unknown) => {
    process.stderr.write(`restorer stopped: ${String(error)}\n`);
    process.exit(2);
  });
}
