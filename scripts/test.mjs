// `npm test`: what the e2e tests need from the machine first (installed where possible, else one
// line saying what to install), then typecheck, lint, unit and e2e tests; at the end, a check that
// no process this run started is still running.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { processesMarked } from './leftovers.mjs';
import { ensureTestEnv } from './test-env.mjs';

/** Processes told to follow their parent (the browser shell) notice within half a second. */
const SETTLE_MS = 3_000;

const marker = randomUUID();
const env = { ...process.env, ISD_TEST_RUN: marker, ISD_CHROMIUM: ensureTestEnv() };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let status = 0;
for (const script of ['typecheck', 'lint', 'test:unit', 'test:e2e']) {
  const ran = spawnSync(npm, ['run', script], {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  status = ran.status ?? 1;
  if (status !== 0) break;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let left = processesMarked(marker);
for (const until = Date.now() + SETTLE_MS; left?.length && Date.now() < until;) {
  await sleep(200);
  left = processesMarked(marker);
}
if (left === null) {
  console.log('npm test: no /proc here, so leftover processes could not be checked.');
} else if (left.length > 0) {
  console.error(`npm test: ${left.length} process(es) it started are still running:`);
  for (const { pid, command } of left) {
    console.error(`  ${pid} ${command.slice(0, 200)}`);
    try {
      process.kill(pid, 'SIGTERM'); // ours by the marker: do not leave it running either
    } catch {
      // already gone
    }
  }
  status = status || 1;
} else {
  console.log('npm test: no process it started is still running.');
}
process.exit(status);
