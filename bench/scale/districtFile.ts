import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/main/platform/dataDir';
import { seedScale } from './seed';
import { databaseStamp, readStamp, writeStamp } from './stamp';

/** The district-scale database every figure of `npm run bench` is measured on (a copy of it). */
export const districtFile = (root: string): string => join(root, 'bench/.data/district.sqlite');

/** How long the seed took: kept beside the database so a later run can still show it. */
export interface SeedFigures {
  ms: number;
  cpuMs: number;
  at: string;
}

const seedFiguresFile = (file: string): string => `${file}.seed.json`;

/**
 * Builds the district database if it is missing or was built from other sources (its stamp);
 * returns the seed's figures (null if a kept file has none) and whether this call built it.
 */
export function ensureDistrict(
  root: string,
  log: (line: string) => void,
): { seed: SeedFigures | null; built: boolean } {
  const file = districtFile(root);
  const stamp = databaseStamp(root);
  if (existsSync(file) && readStamp(file) === stamp) {
    const kept = seedFiguresFile(file);
    const seed = existsSync(kept) ? (JSON.parse(readFileSync(kept, 'utf8')) as SeedFigures) : null;
    return { seed, built: false };
  }
  log('Building the district-scale database (npm run seed:scale)…');
  const t = Date.now();
  const cpu = process.cpuUsage();
  seedScale(file, (label, done, total) =>
    log(`  [${((Date.now() - t) / 1000).toFixed(1)} s] ${label} ${done}/${total}`),
  );
  writeStamp(file, stamp);
  const used = process.cpuUsage(cpu);
  const seed: SeedFigures = {
    ms: Date.now() - t,
    cpuMs: Math.round((used.user + used.system) / 1000),
    at: new Date().toISOString(),
  };
  writeFileSync(seedFiguresFile(file), `${JSON.stringify(seed)}\n`);
  return { seed, built: true };
}

/**
 * A temp data folder holding a fresh copy of the district database, so that what one part of
 * the bench writes (or moves, as the 5,000-room board does) is never what another measures.
 */
export function districtCopy(root: string): { dataDir: string; remove: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'isd-bench-'));
  copyFileSync(districtFile(root), join(dataDir, DATABASE_FILE));
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
