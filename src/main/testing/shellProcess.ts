import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from './stopChild';

export interface ShellProcess {
  child: ChildProcess;
  /** The printed address, with its one-time code. */
  url: string;
  origin: string;
  /** With `demo`: the password of the demo accounts. */
  demoPassword?: string;
  /** SIGTERM, SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface ShellProcessOptions {
  demo?: boolean;
  /** Added to this process's environment (e.g. the loopback addresses host mode may use). */
  env?: NodeJS.ProcessEnv;
  /** The build to run, relative to `root`: `out` unless told (the bench's single-bundle build). */
  build?: string;
  /** How long start-up may take before the process is stopped and the start fails. */
  timeoutMs?: number;
}

/**
 * The built browser shell (out/main/browser.js) on a data folder, as e2e and the bench start it.
 * It watches this process (`--parent-pid`), so it stops by itself if the caller is killed; and a
 * start that fails stops it before rejecting.
 */
export async function startShellProcess(
  root: string,
  dataDir: string,
  options: ShellProcessOptions = {},
): Promise<ShellProcess> {
  const args = [
    join(root, options.build ?? 'out', 'main/browser.js'),
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--parent-pid',
    String(process.pid),
    ...(options.demo ? ['--demo'] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...options.env },
  });
  const lines = createInterface({ input: child.stdout! });
  const stop = () => stopChild(child);
  let timer: NodeJS.Timeout | undefined;
  try {
    const { url, demoPassword } = await new Promise<{ url: string; demoPassword?: string }>(
      (resolve, reject) => {
        let demoPassword: string | undefined;
        timer = setTimeout(
          () => reject(new Error('The browser shell did not print its address')),
          options.timeoutMs ?? 60_000,
        );
        child.once('error', reject);
        child.once('exit', (code, signal) =>
          reject(new Error(`The browser shell exited with ${signal ?? code}`)),
        );
        lines.on('line', (line) => {
          const password = /this launch only: (\S+)\)/.exec(line);
          if (password?.[1]) demoPassword = password[1];
          const match = /open: (http\S+)/.exec(line);
          if (match?.[1]) {
            resolve({ url: match[1], ...(demoPassword ? { demoPassword } : {}) });
          }
        });
      },
    );
    return {
      child,
      url,
      origin: new URL(url).origin,
      ...(demoPassword ? { demoPassword } : {}),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
