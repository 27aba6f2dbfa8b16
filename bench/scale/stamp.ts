import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Everything the scale database's contents follow from: its schema and its seed. */
function sources(root: string): string[] {
  const migrations = join(root, 'src/main/db/migrations');
  const seed = join(root, 'bench/scale');
  return [
    ...readdirSync(migrations)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(migrations, f)),
    join(root, 'src/main/db/changeCapture.ts'),
    ...readdirSync(seed)
      .filter((f) => /^(seed|shape|people|prng)/.test(f) && f !== 'seedCli.ts')
      .map((f) => join(seed, f)),
  ].sort();
}

/** A hash of those sources: a database built from other sources is rebuilt. */
export function databaseStamp(root: string): string {
  const hash = createHash('sha256');
  for (const file of sources(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.digest('hex');
}

export const readStamp = (file: string): string | null =>
  existsSync(`${file}.stamp`) ? readFileSync(`${file}.stamp`, 'utf8').trim() : null;

export const writeStamp = (file: string, stamp: string): void =>
  writeFileSync(`${file}.stamp`, `${stamp}\n`);
