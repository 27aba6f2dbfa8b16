// Processes still running that carry a test run's marker in their environment: whatever `npm test`
// started (servers, browsers, writers) inherits ISD_TEST_RUN, even once reparented to init.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `[{ pid, command }]` of the processes under `procDir` whose environment holds `marker`. */
export function processesMarked(marker, procDir = '/proc') {
  const wanted = `ISD_TEST_RUN=${marker}`;
  const found = [];
  let entries;
  try {
    entries = readdirSync(procDir);
  } catch {
    return null; // no /proc (macOS, Windows): nothing can be checked
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(join(procDir, entry, 'environ'), 'latin1').split('\0');
      if (!environ.includes(wanted)) continue;
      const command = readFileSync(join(procDir, entry, 'cmdline'), 'utf8')
        .split('\0')
        .join(' ')
        .trim();
      found.push({ pid: Number(entry), command });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
