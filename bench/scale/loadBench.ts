import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:https';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/main/platform/dataDir';
import { TEST_ADDRESSES_VARIABLE } from '../../src/main/host/addresses';
import { HOST_CERT_FILE } from '../../src/main/host/certificate';
import { freePort, pinnedAgent, servedFingerprint } from '../../src/main/testing/hostProbe';
import type { BackupStatus } from '../../src/shared/backups';
import type { HostOverview } from '../../src/shared/host';
import { RETRY_DELAYS_MS } from '../../src/shared/resend';
import { exchangeCode, HttpDesk } from '../../src/main/testing/httpDesk';
import { startShellProcess, type ShellProcess } from '../../src/main/testing/shellProcess';
import { openDatabase } from '../../src/main/db/open';
import { p95 } from './browser';
import { type Fixture, LOAD_REASON, prepareDemo, prepareDistrict } from './loadFixture';
import type { Row } from './results';
import { findFixtures } from './screens';
import { BENCH_USER, SCALE } from './shape';

/** The load run's shape: 10 desks, each its own session and event stream, for 60 s. */
export const LOAD = { desks: 10, seconds: 60, thinkMs: 100 } as const;
const TARGETS = { readP95: 50, writeP95: 100, noticeP95: 1000 } as const;

export interface LoadServer {
  shell: ShellProcess;
  /** The host listener's https origin the desks use. */
  origin: string;
  /** The agent that trusts exactly the certificate the host showed (its fingerprint checked). */
  tls: Agent;
}

/** Host mode on loopback only: the second loopback address, never the office network. */
const LOAD_HOST = '127.0.0.2';

/** Where the desks work: a copy of the district database (site 1), or a fresh demo folder. */
export type LoadPlace = 'district' | 'demo';

const PLACE_LABEL: Record<LoadPlace, string> = {
  district: 'district copy, site 1 (1,000 rooms)',
  demo: 'demo site',
};

/**
 * The one place the load run starts its server: the browser shell with host mode turned on (by
 * the administrator over loopback, as at the host PC), so every desk works through the HTTPS
 * host listener with the served certificate pinned, as the other PCs of an office do. The
 * account is the demo administrator, or on the district the bench account (every role).
 */
export async function startLoadServer(
  root: string,
  dataDir: string,
  place: LoadPlace,
): Promise<LoadServer & { account: { username: string; password: string } }> {
  const shell = await startShellProcess(root, dataDir, {
    demo: place === 'demo',
    env: { [TEST_ADDRESSES_VARIABLE]: LOAD_HOST },
  });
  try {
    const account =
      place === 'demo' ? { username: 'admin', password: shell.demoPassword! } : BENCH_USER;
    const atHost = new HttpDesk(shell.origin, await exchangeCode(shell.url));
    await atHost.signIn(account.username, account.password);
    const port = await freePort(LOAD_HOST);
    const overview = await atHost.value<HostOverview>('host.set', {
      enabled: true,
      address: LOAD_HOST,
      port,
      names: [],
    });
    const origin = `https://${LOAD_HOST}:${port}`;
    if (!overview.status.urls.includes(origin)) {
      throw new Error(`Host mode did not start: ${overview.problem ?? 'no address'}`);
    }
    const tls = pinnedAgent(readFileSync(join(dataDir, HOST_CERT_FILE), 'utf8'));
    // What the settings page shows is what is served, and what the desks pin.
    const served = await servedFingerprint(LOAD_HOST, port);
    if (served !== overview.status.fingerprint) {
      throw new Error(
        `Served certificate ${served} is not the shown ${overview.status.fingerprint}`,
      );
    }
    await startupBackupDone(atHost);
    await atHost.value('auth.logout', {});
    return { shell, origin, tls, account };
  } catch (error) {
    await shell.stop();
    throw error;
  }
}

/**
 * The shell backs up a changed file as it starts; on the district that copy and its full
 * integrity check take seconds (the check holds the main process), a start-up cost the desks'
 * steady work is not measured against.
 */
async function startupBackupDone(admin: HttpDesk): Promise<void> {
  const until = Date.now() + 120_000;
  while ((await admin.value<BackupStatus>('backups.status', {})).running) {
    if (Date.now() > until) throw new Error('The start-up backup ran for over 2 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface LoadFigures {
  place: LoadPlace;
  desks: number;
  seconds: number;
  readMs: number[];
  writeMs: number[];
  /** The same times by method. */
  callMs: Record<string, number[]>;
  errors: string[];
  /** Submissions resent after a transport failure (as the desk does), each with its failure. */
  resent: string[];
  /** Acknowledged writes not found afterwards (by id, or each desk's last value). */
  missing: string[];
  acknowledged: number;
  /** Commit-to-arrival of each notice on each desk's stream (the write's start, so generous). */
  noticeMs: number[];
  /** Notices each stream should have had (published × desks) and how many arrived. */
  noticesExpected: number;
  noticesDelivered: number;
}

/**
 * One kind of call a desk makes. `submission` fixes one submission's input and returns its
 * sender, which takes the operation id (the desk sends one with every call; main keeps it for
 * writes, so a resend of the same input is not applied twice) and settles what it returned.
 */
interface Op {
  kind: 'read' | 'write';
  call: string;
  submission: () => (opId: string) => Promise<void>;
}

/**
 * As the desk resends a submission main did not answer (src/renderer/src/api/retry.ts): after the
 * same pauses (RETRY_DELAYS_MS), same operation id. Only transport failures (a socket reset, a
 * refused connection) are resent; every refusal of main's is an error.
 */
const unreached = (error: unknown): boolean =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/** A read: its answer is only timed. */
const read = (desk: HttpDesk, call: string, input: () => unknown): Op => ({
  kind: 'read',
  call,
  submission: () => {
    const fixed = input();
    return (opId) => desk.value(call, fixed, opId).then(() => undefined);
  },
});

/** A write: `saved` keeps what main answered, for verification. */
const write = <T>(
  desk: HttpDesk,
  call: string,
  input: () => unknown,
  saved: (value: T, input: unknown) => void,
): Op => ({
  kind: 'write',
  call,
  submission: () => {
    const fixed = input();
    return (opId) => desk.value<T>(call, fixed, opId).then((value) => saved(value, fixed));
  },
});

/** One desk's mixed work: mostly the four busy screens' reads, some of the three common writes. */
function operations(desk: HttpDesk, f: Fixture, i: number, log: DeskLog): Op[] {
  const room = f.rooms[i]!;
  const { stayId, readingVersion } = f.residents[i]!;
  let n = 0;
  return [
    read(desk, 'rooms.board', () => ({ siteId: f.siteId })),
    read(desk, 'residents.page', () => ({ siteId: f.siteId, view: 'in_residence', limit: 50 })),
    read(desk, 'rounds.sheet', () => ({
      siteId: f.siteId,
      day: f.day,
      slot: f.slot,
      ...(f.floorId === undefined ? {} : { floorId: f.floorId }),
    })),
    read(desk, 'today.overview', () => ({ siteId: f.siteId })),
    write<{ id: number; temperatureTenths: number; version: number }>(
      desk,
      'readings.record',
      () => ({
        stayId,
        day: f.day,
        slot: f.slot,
        temperature: 36 + ((n++ % 9) + 1) / 10,
        symptoms: [],
        // Each desk records its own resident: the version its last save returned, or the
        // sheet's before the run (0: none).
        expectedVersion: log.lastReading?.version ?? readingVersion,
      }),
      (saved) => {
        log.lastReading = {
          id: saved.id,
          tenths: saved.temperatureTenths,
          version: saved.version,
        };
      },
    ),
    write<{ id: number }>(
      desk,
      'stock.issue',
      () => ({
        siteId: f.siteId,
        occurredAt: new Date().toISOString(),
        destinationKind: 'room',
        destination: room.number,
        reason: LOAD_REASON,
        lines: [{ itemId: f.item.id, quantity: 1, unit: f.item.unit }],
      }),
      (doc) => log.issued.push(doc.id),
    ),
    write<{ version: number }>(
      desk,
      'rooms.update',
      () => ({
        id: room.id,
        // Each desk edits its own room: the version its last edit returned.
        expectedVersion: room.version,
        number: room.number,
        capacity: room.capacity,
        type: room.type,
        features: room.features,
        notes: `${LOAD_REASON} ${i + 1}-${n++}`,
      }),
      (updated, input) => {
        room.version = updated.version;
        log.lastNotes = (input as { notes: string }).notes;
      },
    ),
  ];
}

interface DeskLog {
  lastReading: { id: number; tenths: number; version: number } | null;
  lastNotes: string | null;
  issued: number[];
}

/** Reads: writes = 4 : 3 by kind, drawn 70 : 30. */
const pick = (ops: Op[]): Op => {
  const reads = ops.filter((o) => o.kind === 'read');
  const writes = ops.filter((o) => o.kind === 'write');
  const pool = Math.random() < 0.7 ? reads : writes;
  return pool[Math.floor(Math.random() * pool.length)]!;
};

/**
 * Every acknowledged write present once: each issue by id, and the run's issues (by their reason)
 * exactly those acknowledged, each taking one unit off the store; each desk's last reading (one
 * a round per resident, by the schema's unique index) and room note.
 */
function verify(dataDir: string, f: Fixture, logs: DeskLog[]): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const missing: string[] = [];
  try {
    const doc = db.prepare('SELECT count(*) FROM stock_documents WHERE id = ?').pluck();
    const reading = db
      .prepare('SELECT temperature_tenths FROM readings WHERE id = ? AND stay_id = ?')
      .pluck();
    const notes = db.prepare('SELECT notes FROM rooms WHERE id = ?').pluck();
    logs.forEach((log, i) => {
      for (const id of log.issued) if (doc.get(id) !== 1) missing.push(`issue ${id}`);
      const stayId = f.residents[i]!.stayId;
      if (log.lastReading && reading.get(log.lastReading.id, stayId) !== log.lastReading.tenths)
        missing.push(`desk ${i + 1} reading`);
      if (log.lastNotes !== null && notes.get(f.rooms[i]!.id) !== log.lastNotes)
        missing.push(`desk ${i + 1} room note`);
    });
    const issues = db
      .prepare<[number, string], { documents: number; taken: number | null }>(
        `SELECT count(DISTINCT d.id) AS documents, -sum(m.quantity) AS taken
         FROM stock_documents d JOIN stock_movements m ON m.document_id = d.id
         WHERE d.kind = 'issue' AND d.site_id = ? AND d.reason = ?`,
      )
      .get(f.siteId, LOAD_REASON)!;
    const acknowledged = logs.reduce((sum, log) => sum + log.issued.length, 0);
    if (issues.documents !== acknowledged || (issues.taken ?? 0) !== acknowledged) {
      missing.push(
        `${issues.documents} issues saved taking ${issues.taken ?? 0}, for ${acknowledged} acknowledged`,
      );
    }
  } finally {
    db.close();
  }
  return missing;
}

/** The district's site 1 and the floor the screens' round sheet is measured on, from the copy. */
function districtSite(dataDir: string): { siteId: number; floorId: number } {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const { siteId, floorId } = findFixtures({ db, now: () => new Date(SCALE.now) });
    return { siteId, floorId };
  } finally {
    db.close();
  }
}

/**
 * The load run on `dataDir`: a copy of the district database, or an empty folder for a demo
 * site. `desks` desks signed in as one account (each its own session and event stream) work for
 * `seconds`, then the shell is stopped and the file is checked for every write the desks were
 * told was saved.
 */
export async function runLoad(
  root: string,
  dataDir: string,
  options: { place: LoadPlace; desks?: number; seconds?: number },
): Promise<LoadFigures> {
  const { place } = options;
  const desks = options.desks ?? LOAD.desks;
  const seconds = options.seconds ?? LOAD.seconds;
  const site = place === 'district' ? districtSite(dataDir) : null;
  const server = await startLoadServer(root, dataDir, place);
  const figures: LoadFigures = {
    place,
    desks,
    seconds,
    readMs: [],
    writeMs: [],
    callMs: {},
    errors: [],
    resent: [],
    missing: [],
    acknowledged: 0,
    noticeMs: [],
    noticesExpected: 0,
    noticesDelivered: 0,
  };
  const closers: (() => void)[] = [];
  const published = new Set<number>();
  let fixture: Fixture;
  const logs: DeskLog[] = Array.from({ length: desks }, () => ({
    lastReading: null,
    lastNotes: null,
    issued: [],
  }));
  try {
    const { username, password } = server.account;
    const admin = new HttpDesk(server.origin, '', server.tls);
    await admin.signIn(username, password);
    fixture = site
      ? await prepareDistrict(admin, desks, {
          ...site,
          // Every operation of every desk an issue of one unit: more than the run can take.
          mostIssues: Math.ceil((desks * seconds * 1000) / LOAD.thinkMs),
        })
      : await prepareDemo(admin, desks);
    const started = Date.now();
    const team = await Promise.all(
      Array.from({ length: desks }, async () => {
        const desk = new HttpDesk(server.origin, '', server.tls);
        await desk.signIn(username, password);
        closers.push(
          await desk.events((notice, receivedAt) => {
            if (receivedAt < started) return;
            published.add(notice.seq);
            figures.noticesDelivered++;
            figures.noticeMs.push(receivedAt - Date.parse(notice.at));
          }),
        );
        return desk;
      }),
    );
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      team.map(async (desk, i) => {
        const ops = operations(desk, fixture, i, logs[i]!);
        while (Date.now() < until) {
          const op = pick(ops);
          const send = op.submission();
          const opId = randomBytes(16).toString('hex');
          const t0 = performance.now();
          try {
            for (let attempt = 0; ; attempt++) {
              try {
                await send(opId);
                break;
              } catch (error) {
                const pause = RETRY_DELAYS_MS[attempt];
                if (!unreached(error) || pause === undefined) throw error;
                figures.resent.push(`${op.call}: ${String(error)}`);
                await new Promise((r) => setTimeout(r, pause));
              }
            }
            const took = performance.now() - t0;
            (op.kind === 'read' ? figures.readMs : figures.writeMs).push(took);
            (figures.callMs[op.call] ??= []).push(took);
            if (op.kind === 'write') figures.acknowledged++;
          } catch (error) {
            figures.errors.push(`${op.call}: ${String(error)}`);
          }
          await new Promise((r) => setTimeout(r, LOAD.thinkMs));
        }
      }),
    );
    // Notices of the last writes are on their way: a moment for them to land.
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    for (const close of closers) close();
    server.tls.destroy();
    await server.shell.stop();
  }
  figures.noticesExpected = published.size * desks;
  figures.missing = verify(dataDir, fixture, logs);
  return figures;
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** The load run's lines of the results table. */
export function loadRows(f: LoadFigures, record: (key: string, value: number) => number): Row[] {
  const group = `Load: ${f.desks} desks × ${f.seconds} s on the ${PLACE_LABEL[f.place]}, over HTTPS through the host (127.0.0.2), each its own session and event stream`;
  const readP95 = record('load.readP95Ms', p95(f.readMs));
  const writeP95 = record('load.writeP95Ms', p95(f.writeMs));
  const noticeP95 = record('load.noticeP95Ms', f.noticeMs.length ? p95(f.noticeMs) : Infinity);
  const errors = record('load.errors', f.errors.length);
  const resent = record('load.resent', f.resent.length);
  const missing = record('load.missingWrites', f.missing.length);
  const lost = record('load.noticesLost', f.noticesExpected - f.noticesDelivered);
  return [
    {
      group,
      name: `reads (board, residents page, round sheet, home) p95 of ${f.readMs.length}`,
      figure: ms(readP95),
      target: `≤ ${TARGETS.readP95} ms`,
      ok: readP95 <= TARGETS.readP95,
    },
    {
      group,
      name: `writes (readings, stock issues, room edits) p95 of ${f.writeMs.length}`,
      figure: ms(writeP95),
      target: `≤ ${TARGETS.writeP95} ms`,
      ok: writeP95 <= TARGETS.writeP95,
    },
    {
      group,
      name: 'errors (refusals, and calls still unanswered after the desk’s resends)',
      figure: String(errors),
      target: '0',
      ok: errors === 0,
    },
    {
      group,
      name: 'submissions resent after a socket failure, same operation id (as the desk does)',
      figure: String(resent),
      target: '—',
      ok: null,
    },
    {
      group,
      name: `acknowledged writes missing afterwards (of ${f.acknowledged})`,
      figure: String(missing),
      target: '0',
      ok: missing === 0,
    },
    {
      group,
      name: `change notices commit → every desk p95 (${f.noticesDelivered} deliveries)`,
      figure: ms(noticeP95),
      target: `≤ ${TARGETS.noticeP95} ms`,
      ok: noticeP95 <= TARGETS.noticeP95,
    },
    {
      group,
      name: 'notices not delivered to a desk',
      figure: String(lost),
      target: '0',
      ok: lost === 0,
    },
  ];
}
