import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { openDatabase } from '../../db/open';
import type { CrashSite } from './crashSite';

const REPO = resolve(__dirname, '../../../..');
/** The writer bundle finds its packages (better-sqlite3, zod) in the project's node_modules. */
const WRITER_ENV = { ...process.env, ISD_CRASH_WRITER: '1', NODE_PATH: join(REPO, 'node_modules') };

/**
 * The writer never reads or writes a spreadsheet, and loading exceljs costs a second per start
 * (per kill): the bundle gets an empty stand-in.
 */
const withoutSpreadsheets = {
  name: 'crash-writer-without-spreadsheets',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id === 'exceljs' ? '\0exceljs-stand-in' : null),
  load: (id: string) => (id === '\0exceljs-stand-in' ? 'export default {};' : null),
};

/**
 * Bundles the writer (TypeScript, the whole core) into one CommonJS file that plain `node` runs;
 * packages stay outside the bundle and are found through NODE_PATH.
 */
export async function buildWriter(outDir: string, entry = 'writer'): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO,
    plugins: [withoutSpreadsheets],
    build: {
      ssr: join(__dirname, `${entry}.ts`),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: `${entry}.cjs` } },
    },
  });
  return join(outDir, `${entry}.cjs`);
}

export interface KillRound {
  /** Milliseconds the writer ran before SIGKILL. */
  ranMs: number;
  /** Operation ids in the log so far (all rounds). */
  logged: number;
}

export interface CrashReport {
  rounds: KillRound[];
  /** Problems found after some kill: a failed integrity check, a logged id not in the file. */
  problems: string[];
  /** Operations recorded in the file at the end, by method. */
  applied: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Complete lines only: a line cut by the kill was never acknowledged. */
const loggedIds = (log: string): string[] =>
  existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(0, -1) : [];

/**
 * Starts the writer, lets it run a random 50–400 ms (after it has opened the file), kills it with
 * SIGKILL, then reopens the file as the app would: the integrity check must pass and every id the
 * writer logged as committed must be in applied_operations. Repeated `kills` times.
 */
export async function crashRounds(
  writer: string,
  site: CrashSite,
  dir: string,
  kills: number,
  random: () => number = Math.random,
): Promise<CrashReport> {
  const siteFile = join(dir, 'site.json');
  const log = join(dir, 'committed.log');
  writeFileSync(siteFile, JSON.stringify(site));
  const rounds: KillRound[] = [];
  const problems: string[] = [];
  let applied: Record<string, number> = {};
  for (let round = 0; round < kills && problems.length === 0; round++) {
    const child = spawn(process.execPath, [writer, siteFile, log, String(round + 1)], {
      env: WRITER_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ready = new Promise<void>((done) => child.stdout.once('data', () => done()));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((done) =>
      child.on('exit', (code, signal) => done(signal ?? code)),
    );
    const ranMs = 50 + Math.floor(random() * 351);
    await Promise.race([ready.then(() => sleep(ranMs)), exited]);
    child.kill('SIGKILL');
    const how = await exited;
    if (how !== 'SIGKILL')
      problems.push(`round ${round}: writer ended by itself (${how}): ${stderr}`);

    // As the app's next start would: recover the log, check the schema, then look.
    const db = openDatabase(site.file);
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        problems.push(`round ${round}: integrity_check says ${String(integrity)}`);
      const present = new Set(
        db.prepare('SELECT op_id FROM applied_operations').pluck().all() as string[],
      );
      const ids = loggedIds(log);
      const missing = ids.filter((id) => !present.has(id));
      if (missing.length) problems.push(`round ${round}: logged but lost: ${missing.join(', ')}`);
      applied = Object.fromEntries(
        db
          .prepare('SELECT method, count(*) AS n FROM applied_operations GROUP BY method')
          .raw()
          .all() as [string, number][],
      );
      rounds.push({ ranMs, logged: ids.length });
    } finally {
      db.close();
    }
  }
  return { rounds, problems, applied };
}

/** How each writer ended: its exit code (0 when it finished its rounds) and what it complained of. */
export interface WriterExit {
  code: number | null;
  stderr: string;
}

/** Runs `processes` writers at once on the same file, each `rounds` rounds of receive-then-issue. */
export async function contend(
  writer: string,
  site: CrashSite,
  dir: string,
  processes: number,
  rounds: number,
): Promise<{ exits: WriterExit[]; logged: string[] }> {
  const siteFile = join(dir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(site));
  const logs = Array.from({ length: processes }, (_, i) => join(dir, `contend-${i}.log`));
  const exits = await Promise.all(
    logs.map(
      (log, i) =>
        new Promise<WriterExit>((done) => {
          const child = spawn(
            process.execPath,
            [writer, siteFile, log, String(1000 + i), String(rounds)],
            {
              env: WRITER_ENV,
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => done({ code, stderr }));
        }),
    ),
  );
  return { exits, logged: logs.flatMap(loggedIds) };
}
