import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { MethodInput, MethodName } from '../../../shared/contract';
import { memoryHandle, SessionStore } from '../../accounts/sessionStore';
import { openDatabase, type Db } from '../../db/open';
import { createRouter } from '../../ipc/router';
import { currentSlotVersion } from '../../roster/slotVersion';
import { residentId } from '../peopleTesting';
import { prng } from '../prng';
import { TEST_NOW } from '../tempDb';
import type { CrashSite } from './crashSite';

/**
 * The crash test's writer, run as a child process:
 * `node writer.cjs <site.json> <log> <seed> [contend-rounds]`.
 * It performs random valid operations through the router until it is killed, and appends each
 * operation id to the log (fsynced) only after the call committed — so every id in the log must
 * be found in the database afterwards, whenever the kill came.
 */

/**
 * Random operations until killed; or, with `contend`, that many rounds of "receive one, issue one"
 * of the first item (two writers on one file, each making the other wait), then a normal exit.
 */
export function runWriter(
  site: CrashSite,
  logFile: string,
  seed: number,
  mode: { contend?: number } = {},
): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T | undefined =>
    list.length ? list[Math.floor(rnd() * list.length)] : undefined;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

  const db: Db = openDatabase(site.file);
  const sessions = new SessionStore();
  const router = createRouter({
    db,
    now: () => new Date(TEST_NOW),
    sessions,
    logger: { error: (message, error) => process.stderr.write(`${message}: ${String(error)}\n`) },
    shell: 'browser',
    version: 'crash-test',
    dataDir: '',
  });
  const handle = memoryHandle(sessions.create(site.userId, TEST_NOW.getTime()).token);
  const log = openSync(logFile, 'a');
  // The parent's random wait starts now, so that the kills fall among the writes, not the start-up.
  process.stdout.write('ready\n');
  const ids = (sql: string, ...params: unknown[]): number[] =>
    db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  let sequence = 0;

  /** One operation; its id goes to the log only once the router answered ok (committed). */
  async function submit<M extends MethodName>(method: M, input: MethodInput<M>) {
    const opId = `${seed.toString(36)}-${(sequence++).toString(36)}-${Math.floor(rnd() * 1e9).toString(36)}`;
    let result = await router.invoke(method, input, handle, {}, { opId });
    // As the renderer does: a busy database is asked again with the same operation id.
    while (!result.ok && result.error.code === 'BUSY')
      result = await router.invoke(method, input, handle, {}, { opId });
    if (result.ok) {
      writeSync(log, `${opId}\n`);
      fsyncSync(log);
    } else if (result.error.code === 'INTERNAL') {
      throw new Error(`${method} failed unexpectedly`);
    }
    return result;
  }

  type Item = CrashSite['items'][number];
  const receive = (item: Item, quantity: number) =>
    submit('stock.receive', {
      siteId: site.siteId,
      occurredAt: TEST_NOW.toISOString(),
      source: 'allocation',
      lines: [{ itemId: item.id, quantity, unit: item.unit }],
    });
  const issue = (item: Item, quantity: number) =>
    submit('stock.issue', {
      siteId: site.siteId,
      occurredAt: TEST_NOW.toISOString(),
      destinationKind: 'community',
      destination: '濠西社区',
      lines: [{ itemId: item.id, quantity, unit: item.unit }],
    });

  const operations: (() => Promise<unknown>)[] = [
    // Admission: register one person, then place them in a free room.
    async () => {
      const room = pick(ids("SELECT id FROM rooms WHERE status = 'available' ORDER BY id"));
      if (room === undefined) return;
      const gender = rnd() < 0.5 ? 'male' : 'female';
      const birthDate = `19${int(50, 99)}-0${int(1, 9)}-1${int(0, 9)}`;
      const registered = await submit('arrivals.register', {
        batchId: site.batchId,
        people: [
          {
            fullName: `住客${sequence}`,
            gender,
            birthDate,
            documentType: 'resident_id',
            documentNumber: residentId(birthDate, gender, int(0, 99), String(int(320602, 320699))),
            phone: `139${String(int(0, 99_999_999)).padStart(8, '0')}`,
            category: 'close_contact',
          },
        ],
      });
      const stay = ids(
        "SELECT id FROM stays WHERE batch_id = ? AND status = 'registered' ORDER BY id DESC LIMIT 1",
        site.batchId,
      )[0];
      if (registered.ok && stay !== undefined)
        await submit('allocation.confirm', {
          batchId: site.batchId,
          lines: [{ stayId: stay, roomId: room }],
        });
    },
    // Departure: check someone out and disinfect the room for the next arrival.
    async () => {
      const active = ids("SELECT id FROM stays WHERE status = 'active'");
      if (active.length < 10) return;
      const stay = pick(active)!;
      const room = ids('SELECT room_id FROM stays WHERE id = ?', stay)[0]!;
      await submit('stays.checkOut', { id: stay, kind: 'other', reason: 'crash test' });
      await submit('rooms.disinfect', {
        roomId: room,
        operator: '消杀员',
        performedAt: TEST_NOW.toISOString(),
        agent: '含氯消毒液',
        concentration: '500mg/L',
      });
    },
    // A temperature reading (or its correction) in today's first two rounds.
    async () => {
      const stay = pick(ids("SELECT id FROM stays WHERE status = 'active'"));
      if (stay === undefined) return;
      const slot = int(0, 1);
      await submit('readings.record', {
        stayId: stay,
        day: '2026-11-29',
        slot,
        temperature: int(360, 372) / 10,
        // A correction is based on the reading as it stands (0: none yet), as the round sheet is.
        expectedVersion:
          ids(
            "SELECT version FROM reading_records WHERE stay_id = ? AND round_day = '2026-11-29' AND round_slot = ?",
            stay,
            slot,
          )[0] ?? 0,
      });
    },
    // Roster: fill a slot, or take someone off one.
    async () => {
      const post = pick(ids('SELECT id FROM posts WHERE site_id = ?', site.siteId))!;
      const slot = {
        postId: post,
        templateId: pick(ids('SELECT template_id FROM post_shifts WHERE post_id = ?', post))!,
        day: pick(site.days)!,
      };
      await submit('roster.assign', {
        periodId: site.periodId,
        ...slot,
        staffId: pick(ids('SELECT id FROM staff'))!,
        // Based on the slot as it stands, as the grid shows it.
        expectedSlotVersion: currentSlotVersion(db, site.periodId, slot),
      });
    },
    async () => {
      const assignment = pick(
        db
          .prepare<[number], { id: number; postId: number; templateId: number; day: string }>(
            `SELECT id, post_id AS postId, template_id AS templateId, day
             FROM roster_assignments WHERE period_id = ?`,
          )
          .all(site.periodId),
      );
      if (assignment !== undefined)
        await submit('roster.unassign', {
          assignmentId: assignment.id,
          expectedSlotVersion: currentSlotVersion(db, site.periodId, assignment),
        });
    },
    // Stock in and out.
    () => receive(pick(site.items)!, int(1, 50)),
    () => issue(pick(site.items)!, int(1, 30)),
  ];

  const contention = async (rounds: number): Promise<void> => {
    for (let i = 0; i < rounds; i++) {
      await receive(site.items[0]!, 1);
      // Often refused (the other process took the last one): a refusal, never a lost update.
      await issue(site.items[0]!, 1);
    }
  };

  return (async () => {
    try {
      if (mode.contend !== undefined) await contention(mode.contend);
      else for (;;) await pick(operations)!();
    } finally {
      closeSync(log);
      db.close();
    }
  })();
}

// Run as the child process's entry (the bundle's only job); importing it does nothing.
if (process.env.ISD_CRASH_WRITER === '1') {
  const [siteFile, logFile, seed, contend] = process.argv.slice(2);
  const site = JSON.parse(readFileSync(siteFile!, 'utf8')) as CrashSite;
  const mode = contend === undefined ? {} : { contend: Number(contend) };
  runWriter(site, logFile!, Number(seed), mode).catch((error: unknown) => {
    process.stderr.write(`writer stopped: ${String(error)}\n`);
    process.exit(2);
  });
}
