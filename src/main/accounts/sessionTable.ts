import type { Db } from '../db/open';
import type { DeviceInfo, Session } from './sessionStore';

interface SessionRow {
  token_hash: string;
  user_id: number;
  address: string;
  user_agent: string;
  via: DeviceInfo['via'];
  started_at: number;
  last_active_at: number;
  locked: 0 | 1;
}

const sessionOf = (row: SessionRow): Session => ({
  id: row.token_hash,
  userId: row.user_id,
  device: { address: row.address, userAgent: row.user_agent, via: row.via },
  startedAt: row.started_at,
  lastActiveAt: row.last_active_at,
  locked: row.locked === 1,
});

/** The `sessions` table (migration 0016): the store's copy on disk, keyed by the token's hash. */
export class SessionTable {
  constructor(private readonly db: Db) {}

  all(): Session[] {
    return this.db.prepare<[], SessionRow>('SELECT * FROM sessions').all().map(sessionOf);
  }

  /** Writes the session as it is now (inserted, or its activity and lock updated). */
  save(s: Session): void {
    this.db
      .prepare(
        `INSERT INTO sessions (token_hash, user_id, address, user_agent, via, started_at, last_active_at, locked)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (token_hash) DO UPDATE SET
           last_active_at = excluded.last_active_at, locked = excluded.locked`,
      )
      .run(
        s.id,
        s.userId,
        s.device.address,
        s.device.userAgent,
        s.device.via,
        s.startedAt,
        s.lastActiveAt,
        s.locked ? 1 : 0,
      );
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(id);
  }
}

/** A restored file signs everyone out: its sessions belong to another moment (and maybe other accounts). */
export function emptySessions(db: Db): void {
  db.prepare('DELETE FROM sessions').run();
}
