import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { stopChild } from '../stopChild';
import { BUNDLE_ENV, bundleForNode } from '../nodeBundle';
import type { CrashSite } from './crashSite';

const WRITER_ENV = { ...BUNDLE_ENV, ISD_CRASH_WRITER: '1' };

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

/** The writer (TypeScript, the whole core) as one CommonJS file that plain `node` runs. */
export const buildWriter = (outDir: string, entry = 'writer'): Promise<string> =>
  bundleForNode(join(__dirname, `${entry}.ts`), outDir, `${entry}.cjs`, [withoutSpreadsheets]);

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
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let ranMs = 0;
    let how: NodeJS.Signals | number | null;
    try {
      const ready = new Promise<void>((done) => child.stdout.once('data', () => done()));
      const exited = new Promise<NodeJS.Signals | number | null>((done) =>
        child.on('exit', (code, signal) => done(signal ?? code)),
      );
      ranMs = 50 + Math.floor(random() * 351);
      await Promise.race([ready.then(() => sleep(ranMs)), exited]);
      child.kill('SIGKILL');
      how = await exited;
    } finally {
      // Whatever went wrong above, the writer does not outlive its round.
      await stopChild(child, 0, 'SIGKILL');
    }
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
  deadlineMs = 120_000,
): Promise<{ exits: WriterExit[]; logged: string[] }> {
  const siteFile = join(dir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(site));
  const logs = Array.from({ length: processes }, (_, i) => join(dir, `contend-${i}.log`));
  const children = logs.map((log, i) =>
    spawn(process.execPath, [writer, siteFile, log, String(1000 + i), String(rounds)], {
      env: WRITER_ENV,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  // Writers that have not finished by the deadline are killed, so none outlives the test.
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, deadlineMs);
  let exits: WriterExit[];
  try {
    exits = await Promise.all(
      children.map(
        (child) =>
          new Promise<WriterExit>((done) => {
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.on('exit', (code) => done({ code, stderr }));
          }),
      ),
    );
  } finally {
    clearTimeout(deadline);
    await Promise.all(children.map((child) => stopChild(child, 0, 'SIGKILL')));
  }
  return { exits, logged: logs.flatMap(loggedIds) };
}
