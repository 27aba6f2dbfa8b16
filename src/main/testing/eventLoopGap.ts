const TICK_MS = 10;

/**
 * The longest the main thread went without running a 10 ms interval while `work` ran, in ms: how
 * long a desk's call would have waited at worst (10 ms when nothing held the thread).
 */
export async function longestGapDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; gapMs: number }> {
  let last = performance.now();
  let longest = 0;
  const note = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const timer = setInterval(note, TICK_MS);
  try {
    const result = await work();
    note();
    return { result, gapMs: longest };
  } finally {
    clearInterval(timer);
  }
}
