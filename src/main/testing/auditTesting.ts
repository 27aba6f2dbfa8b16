import type { Building, Floor, Room, Site } from '../../shared/domain';
import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { appendAudit, GENESIS_HASH, rowHash, type AuditRow } from '../accounts/audit';
import { TEST_NOW } from './tempDb';

/** Appends `n` entries to the chain (one transaction), each with its number in its detail. */
export function addEntries(db: Db, n: number, method = 'test.entry'): void {
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      appendAudit(db, {
        at: new Date(TEST_NOW.getTime() + i * 1000).toISOString(),
        actor: null,
        method,
        outcome: 'ok',
        detail: `${method} ${i}`,
      });
    }
  }).immediate();
}

export const auditRowsOf = (db: Db): AuditRow[] =>
  db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').all();

/**
 * What someone with the file can do: drop the append-only triggers, keep only the entries `keep`
 * accepts, number them 1..n again and recompute the plain SHA-256 chain, so that a walk of the
 * chain alone finds nothing wrong.
 */
export function forgeChain(db: Db, keep: (row: AuditRow) => boolean): void {
  const kept = auditRowsOf(db).filter(keep);
  db.transaction(() => {
    for (const trigger of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_append_only']) {
      db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    db.exec('DELETE FROM audit_log');
    const insert = db.prepare(
      `INSERT INTO audit_log (id, at, user_id, username, method, outcome, entity, entity_id, changes, detail, prev_hash, hash)
       VALUES (@id, @at, @user_id, @username, @method, @outcome, @entity, @entity_id, @changes, @detail, @prev_hash, @hash)`,
    );
    let prev = GENESIS_HASH;
    kept.forEach((row, i) => {
      const moved = { ...row, id: i + 1 };
      const hash = rowHash(prev, moved);
      insert.run({ ...moved, prev_hash: prev, hash });
      prev = hash;
    });
  }).immediate();
}

/** forgeChain on a file on disk (the live database from a second connection, or a backup). */
export function forgeChainInFile(file: string, keep: (row: AuditRow) => boolean): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    forgeChain(db, keep);
  } finally {
    db.close();
  }
}

/** Calls a method through a test router as the given session (the caller's default when omitted). */
export type RouterCall<H> = <T>(method: string, input: unknown, handle?: H) => Promise<T>;

/** A site, building, floor and room made through the router; returns their ids. */
export async function buildRoomThrough<H>(call: RouterCall<H>, handle?: H) {
  const site = await call<Site>('sites.create', { name: 'Haohe', address: '' }, handle);
  const building = await call<Building>(
    'buildings.create',
    { siteId: site.id, code: 'A', name: 'Main' },
    handle,
  );
  const floor = await call<Floor>('floors.create', { buildingId: building.id, level: 2 }, handle);
  const room = await call<Room>(
    'rooms.create',
    { floorId: floor.id, number: 'A-201', capacity: 1, type: 'single' },
    handle,
  );
  return { site: site.id, building: building.id, floor: floor.id, room: room.id };
}
