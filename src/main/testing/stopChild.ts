import type { ChildProcess } from 'node:child_process';

/** How long a child gets to close its database after SIGTERM before it is killed outright. */
export const STOP_GRACE_MS = 5_000;

export const hasExited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

/** Resolves once the child has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Stops a child and resolves only once it is gone: SIGTERM (a clean close), then SIGKILL after
 * `graceMs`. Callers remove the child's data folder after this, never under a running process.
 */
export async function stopChild(
  child: ChildProcess,
  graceMs = STOP_GRACE_MS,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (hasExited(child)) return;
  const exited = exitOf(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>(
    (resolve) => (timer = setTimeout(() => resolve('late'), graceMs)),
  );
  if ((await Promise.race([exited, grace])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
