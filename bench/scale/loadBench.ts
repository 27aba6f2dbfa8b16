import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../src/main/platform/dataDir';
import { TEST_ADDRESSES_VARIABLE } from '../../src/main/host/addresses';
import { HOST_CERT_FILE } from '../../src/main/host/certificate';
import { freePort, pinnedAgent, servedFingerprint } from '../../src/main/testing/hostProbe';
import type { HostOverview } from '../../src/shared/host';
import { exchangeCode, HttpDesk } from '../../src/main/testing/httpDesk';
import { startShellProcess, type ShellProcess } from '../../src/main/testing/shellProcess';
import { residentIdCheckChar } from '../../src/shared/idNumber';
import { p95 } from './browser';
import type { Row } from './results';

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

/**
 * The one place the load run starts its server: the browser shell with host mode turned on (by
 * the administrator over loopback, as at the host PC), so every desk works through the HTTPS
 * host listener with the served certificate pinned, as the other PCs of an office do.
 */
export async function startLoadServer(
  root: string,
  dataDir: string,
  demo: boolean,
): Promise<LoadServer & { demoPassword?: string }> {
  const shell = await startShellProcess(root, dataDir, {
    demo,
    env: { [TEST_ADDRESSES_VARIABLE]: LOAD_HOST },
  });
  try {
    const atHost = new HttpDesk(shell.origin, await exchangeCode(shell.url));
    await atHost.signIn('admin', shell.demoPassword!);
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
    await atHost.value('auth.logout', {});
    return {
      shell,
      origin,
      tls,
      ...(shell.demoPassword ? { demoPassword: shell.demoPassword } : {}),
    };
  } catch (error) {
    await shell.stop();
    throw error;
  }
}

export interface LoadFigures {
  desks: number;
  seconds: number;
  readMs: number[];
  writeMs: number[];
  errors: string[];
  /** Acknowledged writes not found afterwards (by id, or each desk's last value). */
  missing: string[];
  acknowledged: number;
  /** Commit-to-arrival of each notice on each desk's stream (the write's start, so generous). */
  noticeMs: number[];
  /** Notices each stream should have had (published × desks) and how many arrived. */
  noticesExpected: number;
  noticesDelivered: number;
}

interface Fixture {
  siteId: number;
  day: string;
  slot: number;
  /** Per desk: its resident's stay and its own room (with the fields rooms.update needs). */
  stays: number[];
  rooms: {
    id: number;
    number: string;
    capacity: number;
    type: string;
    features: string[];
    version: number;
  }[];
  item: { id: number; unit: string };
}

const SITE_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const SITE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * What the run needs on the demo site: a round under way, one resident per desk (from the seed's
 * Chongchuan streets' naming), a room per desk, and enough of one item on hand to issue from.
 */
async function prepare(admin: HttpDesk, desks: number): Promise<Fixture> {
  const [site] = await admin.value<{ id: number }[]>('sites.list', { includeRetired: false });
  const siteId = site!.id;
  const start = SITE_CLOCK.format(new Date(Date.now() - 5 * 60_000));
  const time = start > SITE_CLOCK.format(new Date()) ? '00:00' : start;
  await admin.value('settings.updateHealth', {
    roundTimes: [time],
    roundWindowMinutes: 180,
    feverThresholdTenths: 373,
    recheckMinutes: 30,
    restartRoommatesObservation: true,
  });
  const free = await admin.value<{ rows: { id: number }[] }>('rooms.page', {
    siteId,
    statuses: ['available'],
    limit: 100,
  });
  const batch = await admin.value<{ id: number }>('arrivals.create', {
    siteId,
    label: '负载测试',
    arrivedAt: new Date().toISOString(),
  });
  const people = Array.from({ length: desks }, (_, i) => {
    const first17 = `320602198${i % 10}0415${String(11 + 2 * i).padStart(3, '0')}`;
    return {
      fullName: `负载测试${i + 1}`,
      gender: 'male',
      birthDate: `198${i % 10}-04-15`,
      documentType: 'resident_id',
      documentNumber: first17 + residentIdCheckChar(first17),
      category: 'close_contact',
    };
  });
  const members = await admin.value<{ stayId: number }[]>('arrivals.register', {
    batchId: batch.id,
    people,
  });
  const rooms = free.rows.slice(0, desks);
  await admin.value('allocation.confirm', {
    batchId: batch.id,
    lines: members.map((m, i) => ({ stayId: m.stayId, roomId: rooms[i]!.id })),
  });
  // An item of the seed's donation lists, bought in for the run (the demo site stocks none).
  const item = await admin.value<{ id: number; baseUnit: string }>('stock.createItem', {
    name: '一次性医用口罩（负载测试）',
    category: 'ppe',
    spec: '独立包装',
    baseUnit: '只',
  });
  await admin.value('stock.receive', {
    siteId,
    occurredAt: new Date().toISOString(),
    source: 'donation',
    // A donor of the district bulletin (the seed document).
    party: { kind: 'company', name: '南通市科健医疗器械有限公司' },
    reason: '负载测试备货',
    lines: [{ itemId: item.id, quantity: 100_000, unit: item.baseUnit }],
  });
  return {
    siteId,
    day: SITE_DAY.format(new Date()),
    slot: 0,
    stays: members.map((m) => m.stayId),
    rooms: await Promise.all(
      rooms.map((r) => admin.value<Fixture['rooms'][number]>('rooms.get', { id: r.id })),
    ),
    item: { id: item.id, unit: item.baseUnit },
  };
}

type Op = { kind: 'read' | 'write'; run: () => Promise<void> };

/** One desk's mixed work: mostly the four busy screens' reads, some of the three common writes. */
function operations(desk: HttpDesk, f: Fixture, i: number, log: DeskLog): Op[] {
  const room = f.rooms[i]!;
  let n = 0;
  return [
    {
      kind: 'read',
      run: () => desk.value('rooms.board', { siteId: f.siteId }).then(() => undefined),
    },
    {
      kind: 'read',
      run: () =>
        desk
          .value('residents.page', { siteId: f.siteId, view: 'in_residence', limit: 50 })
          .then(() => undefined),
    },
    {
      kind: 'read',
      run: () =>
        desk
          .value('rounds.sheet', { siteId: f.siteId, day: f.day, slot: f.slot })
          .then(() => undefined),
    },
    {
      kind: 'read',
      run: () => desk.value('today.overview', { siteId: f.siteId }).then(() => undefined),
    },
    {
      kind: 'write',
      run: async () => {
        const temperature = 36 + ((n++ % 9) + 1) / 10;
        const saved = await desk.value<{ id: number; temperatureTenths: number; version: number }>(
          'readings.record',
          {
            stayId: f.stays[i],
            day: f.day,
            slot: f.slot,
            temperature,
            symptoms: [],
            // Each desk records its own resident: the version its last save returned (0: none).
            expectedVersion: log.lastReading?.version ?? 0,
          },
        );
        log.lastReading = {
          id: saved.id,
          tenths: saved.temperatureTenths,
          version: saved.version,
        };
      },
    },
    {
      kind: 'write',
      run: async () => {
        const doc = await desk.value<{ id: number }>('stock.issue', {
          siteId: f.siteId,
          occurredAt: new Date().toISOString(),
          destinationKind: 'room',
          destination: room.number,
          lines: [{ itemId: f.item.id, quantity: 1, unit: f.item.unit }],
        });
        log.issued.push(doc.id);
      },
    },
    {
      kind: 'write',
      run: async () => {
        const notes = `负载测试 ${i + 1}-${n++}`;
        const updated = await desk.value<{ version: number }>('rooms.update', {
          id: room.id,
          // Each desk edits its own room: the version its last edit returned.
          expectedVersion: room.version,
          number: room.number,
          capacity: room.capacity,
          type: room.type,
          features: room.features,
          notes,
        });
        room.version = updated.version;
        log.lastNotes = notes;
      },
    },
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

/** Every acknowledged write present: each issue by id, each desk's last reading and room note. */
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
      if (log.lastReading && reading.get(log.lastReading.id, f.stays[i]) !== log.lastReading.tenths)
        missing.push(`desk ${i + 1} reading`);
      if (log.lastNotes !== null && notes.get(f.rooms[i]!.id) !== log.lastNotes)
        missing.push(`desk ${i + 1} room note`);
    });
  } finally {
    db.close();
  }
  return missing;
}

/**
 * The load run on a demo-seeded data folder: `desks` desks signed in as the demo administrator
 * (each its own session and event stream) work for `seconds`, then the shell is stopped and the
 * file is checked for every write the desks were told was saved.
 */
export async function runLoad(
  root: string,
  dataDir: string,
  options: { desks?: number; seconds?: number } = {},
): Promise<LoadFigures> {
  const desks = options.desks ?? LOAD.desks;
  const seconds = options.seconds ?? LOAD.seconds;
  const server = await startLoadServer(root, dataDir, true);
  const figures: LoadFigures = {
    desks,
    seconds,
    readMs: [],
    writeMs: [],
    errors: [],
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
    const password = server.demoPassword!;
    const admin = new HttpDesk(server.origin, '', server.tls);
    await admin.signIn('admin', password);
    fixture = await prepare(admin, desks);
    const started = Date.now();
    const team = await Promise.all(
      Array.from({ length: desks }, async () => {
        const desk = new HttpDesk(server.origin, '', server.tls);
        await desk.signIn('admin', password);
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
          const t0 = performance.now();
          try {
            await op.run();
            (op.kind === 'read' ? figures.readMs : figures.writeMs).push(performance.now() - t0);
            if (op.kind === 'write') figures.acknowledged++;
          } catch (error) {
            figures.errors.push(String(error));
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
  const group = `Load: ${f.desks} desks × ${f.seconds} s over HTTPS through the host (127.0.0.2), each its own session and event stream`;
  const readP95 = record('load.readP95Ms', p95(f.readMs));
  const writeP95 = record('load.writeP95Ms', p95(f.writeMs));
  const noticeP95 = record('load.noticeP95Ms', f.noticeMs.length ? p95(f.noticeMs) : Infinity);
  const errors = record('load.errors', f.errors.length);
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
    { group, name: 'errors', figure: String(errors), target: '0', ok: errors === 0 },
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

/**
 * Alone, on a small demo database: `node scripts/bench/run.mjs bench/scale/loadBench.ts
 * [--seconds N] [--desks N]` (needs `electron-vite build`: it runs out/main/browser.js).
 */
async function standalone(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : undefined;
  };
  const root = resolve(process.env.ISD_ROOT ?? '.');
  const dataDir = mkdtempSync(join(tmpdir(), 'isd-load-'));
  try {
    const figures = await runLoad(root, dataDir, {
      seconds: arg('--seconds'),
      desks: arg('--desks'),
    });
    const results: Record<string, number> = {};
    const rows = loadRows(figures, (key, value) => (results[key] = value));
    for (const r of rows)
      process.stdout.write(`${r.name}: ${r.figure} [${r.target}] ${r.ok ? 'met' : 'MISSED'}\n`);
    if (figures.errors.length)
      process.stdout.write(`first errors: ${figures.errors.slice(0, 5).join('\n')}\n`);
    if (figures.missing.length)
      process.stdout.write(`missing: ${figures.missing.slice(0, 10).join(', ')}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (/loadBench\.m?[jt]s$/.test(process.argv[1] ?? '')) void standalone();
