import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../platform/dataDir';
import { exchangeCode, HttpDesk } from '../testing/httpDesk';
import { BUNDLE_ENV, bundleForNode } from '../testing/nodeBundle';
import { startShellProcess, type ShellProcess } from '../testing/shellProcess';
import { makeTempDir } from '../testing/tempDb';

/**
 * Real processes on loopback: the browser shell (the whole core, bundled) and desks talking to it
 * over HTTP as the page does. Nothing a desk was told is saved may be missing, and nothing may be
 * saved twice, however the desk or the shell dies.
 */
let build: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  build = makeTempDir();
  // The shell finds better-sqlite3 and zod through NODE_PATH, as the crash tests' writer does.
  process.env.NODE_PATH = BUNDLE_ENV.NODE_PATH;
  await bundleForNode(
    join(__dirname, '../browser/cli.ts'),
    join(build.dir, 'out/main'),
    'browser.js',
  );
}, 120_000);
afterAll(() => build.remove());

interface Started {
  shell: ShellProcess;
  desk: HttpDesk;
}

async function startDesk(
  dataDir: string,
  password?: string,
): Promise<Started & { password: string }> {
  const shell = await startShellProcess(build.dir, dataDir, { demo: password === undefined });
  try {
    const desk = new HttpDesk(shell.origin, await exchangeCode(shell.url));
    const signedInWith = password ?? shell.demoPassword!;
    await desk.signIn('coordinator', signedInWith);
    return { shell, desk, password: signedInWith };
  } catch (error) {
    await shell.stop();
    throw error;
  }
}

/** The demo site's first floor: where the test's rooms go. */
async function firstFloor(desk: HttpDesk): Promise<number> {
  const [site] = await desk.value<{ id: number }[]>('sites.list', { includeRetired: false });
  const [building] = await desk.value<{ id: number }[]>('buildings.list', {
    siteId: site!.id,
    includeRetired: false,
  });
  const [floor] = await desk.value<{ id: number }[]>('floors.list', {
    buildingId: building!.id,
    includeRetired: false,
  });
  return floor!.id;
}

const roomInput = (floorId: number, number: string) => ({
  floorId,
  number,
  capacity: 2,
  type: 'double',
  features: [],
  notes: 'kill test',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('killed desks and a killed shell', () => {
  let data: ReturnType<typeof makeTempDir>;
  const shells: ShellProcess[] = [];

  /** Rooms of that number, and operation ids recorded for it, read from the file itself. */
  const saved = (number: string, opId: string) => {
    const db = new Database(join(data.dir, DATABASE_FILE), { readonly: true });
    try {
      return {
        rooms: db.prepare('SELECT count(*) FROM rooms WHERE number = ?').pluck().get(number),
        applied: db
          .prepare('SELECT count(*) FROM applied_operations WHERE op_id = ?')
          .pluck()
          .get(opId),
      };
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    data = makeTempDir();
  });
  afterEach(async () => {
    for (const shell of shells.splice(0)) await shell.stop();
    data.remove();
  });

  it('a desk gone right after sending: the write is there once or not at all, and its resend makes it once', async () => {
    const { shell, desk } = await startDesk(data.dir);
    shells.push(shell);
    const floorId = await firstFloor(desk);
    const sent: { number: string; opId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const number = `KD-${i}`;
      const opId = `killed-desk-${i}-${Date.now()}`;
      sent.push({ number, opId });
      await desk.sendAndVanish('rooms.create', roomInput(floorId, number), opId);
      await sleep(i * 5);
      expect([0, 1]).toContain(saved(number, opId).rooms);
      const resent = await desk.invoke<{ number: string }>(
        'rooms.create',
        roomInput(floorId, number),
        opId,
      );
      expect(resent).toMatchObject({ ok: true, value: { number } });
    }
    // Let any request still on its way land before counting.
    await sleep(300);
    for (const { number, opId } of sent)
      expect(saved(number, opId), number).toEqual({ rooms: 1, applied: 1 });
  });

  it('the shell SIGKILLed mid-series and restarted: every acknowledged write is there once, and resends double nothing', async () => {
    const first = await startDesk(data.dir);
    shells.push(first.shell);
    const floorId = await firstFloor(first.desk);
    const acknowledged: { number: string; opId: string }[] = [];
    const unanswered: { number: string; opId: string }[] = [];
    const write = async (i: number) => {
      const sent = { number: `KS-${i}`, opId: `killed-shell-${i}-${Date.now()}` };
      try {
        const result = await first.desk.invoke(
          'rooms.create',
          roomInput(floorId, sent.number),
          sent.opId,
        );
        if (result.ok) acknowledged.push(sent);
        else unanswered.push(sent);
      } catch {
        unanswered.push(sent);
      }
    };
    for (let i = 0; i < 12; i++) await write(i);
    // Four writes in flight at once, and the shell is killed under them.
    const inFlight = [12, 13, 14, 15].map(write);
    await sleep(2);
    first.shell.child.kill('SIGKILL');
    await Promise.all(inFlight);
    await first.shell.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    expect(unanswered.length).toBeGreaterThan(0);

    // Restarted on the same folder: the desk signs in again and resends what was not answered.
    const second = await startDesk(data.dir, first.password);
    shells.push(second.shell);
    for (const { number, opId } of unanswered) {
      const resent = await second.desk.invoke('rooms.create', roomInput(floorId, number), opId);
      expect(resent, number).toMatchObject({ ok: true, value: { number } });
    }
    for (const { number, opId } of [...acknowledged, ...unanswered])
      expect(saved(number, opId), number).toEqual({ rooms: 1, applied: 1 });
  });
});
