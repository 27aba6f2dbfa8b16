import { resolve } from 'node:path';
import { seedScale } from './seed';

/** `npm run seed:scale -- --out FILE`: the district-scale database, with progress on stderr. */
const argv = process.argv.slice(2);
const at = argv.indexOf('--out');
const out = at >= 0 ? argv[at + 1] : undefined;
if (!out) {
  process.stderr.write('Usage: npm run seed:scale -- --out FILE\n');
  process.exit(2);
}
const started = Date.now();
seedScale(resolve(out), (label, done, total) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `[${seconds.padStart(5)} s] ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`,
  );
});
const cpu = process.cpuUsage();
process.stderr.write(
  `Built ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU)\n`,
);
