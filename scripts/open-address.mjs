// `npm start`'s browser fallback opens the shell's address in the default browser itself — but
// never under tests or CI, and not when asked not to (`--no-open`).
import { spawn } from 'node:child_process';

export const NO_OPEN_FLAG = '--no-open';

/**
 * Why the address is not opened (null: open it). A test or CI run never opens a browser: they set
 * CI or ISD_TEST_RUN, or read the launcher's output through a pipe (not a terminal).
 */
export function reasonNotToOpen(argv, env, outputIsTerminal) {
  if (argv.includes(NO_OPEN_FLAG)) return `${NO_OPEN_FLAG} was given`;
  if (env.CI) return 'CI is set';
  if (env.ISD_TEST_RUN) return 'a test run';
  if (!outputIsTerminal) return 'the output is not a terminal';
  return null;
}

/** The system's own way of opening an address in the default browser. */
export function openCommand(platform, url) {
  if (platform === 'win32') {
    // `start` is cmd's; its first quoted argument is a window title, hence the empty one.
    return { command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true };
  }
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/** Opens `url` without waiting for the browser; a failure is reported, never fatal. */
export function openInBrowser(url, platform = process.platform) {
  const { command, args, verbatim } = openCommand(platform, url);
  const child = spawn(command, args, {
    detached: true,
    stdio: 'ignore',
    windowsVerbatimArguments: verbatim,
  });
  child.once('error', (error) =>
    console.log(`  (could not open the browser: ${error.message}; open the address yourself)`),
  );
  child.unref();
}
