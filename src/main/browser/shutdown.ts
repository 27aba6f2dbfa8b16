/**
 * How the browser shell ends: SIGTERM, SIGINT, or the process that started it going away.
 * Installed before any slow module is loaded, so a signal during start-up is never left to Node's
 * default (an immediate exit with the database open); it only marks the stop as asked for, and
 * start-up runs the stop as soon as there is something to close.
 */
export interface Shutdown {
  /** True once a stop was asked for. */
  readonly requested: boolean;
  /** What a stop closes; runs at once if a stop was already asked for. Runs at most once. */
  onStop(stop: () => Promise<void>): void;
}

/** How often a watched parent is looked for; a killed test runner leaves nothing behind for long. */
export const PARENT_POLL_MS = 500;

export function installShutdown(
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
  exit: (code: number) => void = (code) => process.exit(code),
): Shutdown & { request(): void } {
  let requested = false;
  let stop: (() => Promise<void>) | null = null;
  let running = false;

  const run = (): void => {
    if (running || !stop) return;
    running = true;
    stop().then(
      () => exit(0),
      (error: unknown) => {
        process.stderr.write(`Could not stop cleanly: ${String(error)}\n`);
        exit(1);
      },
    );
  };
  const request = (): void => {
    requested = true;
    run();
  };
  for (const signal of signals) process.on(signal, request);

  return {
    get requested() {
      return requested;
    },
    onStop(given) {
      stop = given;
      if (requested) run();
    },
    request,
  };
}

/**
 * `--parent-pid PID`: stops when that process is no longer this one's parent (it died and this
 * process was handed to init or a subreaper). Comparing parents, not probing the pid, is immune
 * to the pid being reused.
 */
export function watchParent(parentPid: number, onGone: () => void): void {
  const check = (): boolean => {
    if (process.ppid === parentPid) return false;
    clearInterval(timer);
    onGone();
    return true;
  };
  const timer = setInterval(check, PARENT_POLL_MS);
  timer.unref();
  check();
}

/** The value after `name` in argv, if any. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}
