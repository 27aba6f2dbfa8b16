import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, p95 } from './browser';
import { districtCopy, ensureDistrict } from './districtFile';
import { loadRows, runLoad } from './loadBench';
import { loadAverage, verdict } from './results';

/**
 * The load run alone: `node scripts/bench/run.mjs bench/scale/loadBenchCli.ts [--demo]
 * [--seconds N] [--desks N]`, on a copy of the district database (built first if missing or out
 * of date, as `npm run bench` does) or with `--demo` on a fresh demo folder. It runs
 * out/main/browser.js: `electron-vite build` first.
 */
const argv = process.argv.slice(2);
const arg = (name: string): number | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : undefined;
};
const root = resolve(process.env.ISD_ROOT ?? '.');
const demo = argv.includes('--demo');
if (!demo) ensureDistrict(root, (line) => void process.stderr.write(`${line}\n`));
const folder = demo
  ? (() => {
      const dataDir = mkdtempSync(join(tmpdir(), 'isd-load-'));
      return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
    })()
  : districtCopy(root);
try {
  const figures = await runLoad(root, folder.dataDir, {
    place: demo ? 'demo' : 'district',
    seconds: arg('--seconds'),
    desks: arg('--desks'),
  });
  const rows = loadRows(figures, (_key, value) => value);
  process.stdout.write(`${rows[0]!.group}\n`);
  for (const r of rows)
    process.stdout.write(`${r.name}: ${r.figure} [${r.target}] ${verdict(r.ok)}\n`);
  for (const [call, times] of Object.entries(figures.callMs))
    process.stdout.write(
      `  ${call}: p50 ${median(times).toFixed(1)} / p95 ${p95(times).toFixed(1)} ms of ${times.length}\n`,
    );
  process.stdout.write(`${loadAverage()} at the end\n`);
  if (figures.resent.length)
    process.stdout.write(`resent: ${figures.resent.slice(0, 5).join('\n')}\n`);
  if (figures.errors.length)
    process.stdout.write(`first errors: ${figures.errors.slice(0, 5).join('\n')}\n`);
  if (figures.missing.length)
    process.stdout.write(`missing: ${figures.missing.slice(0, 10).join(', ')}\n`);
} finally {
  folder.remove();
}
