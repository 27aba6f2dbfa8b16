import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import { SignInAttempts } from './signInAttempts';
import { SessionTable } from './sessionTable';

/** Where a session was signed in from, as the shell that carried the call saw it. */
export interface DeviceInfo {
  /** The remote address (host mode, the loopback listener), or 'local' for an Electron window. */
  address: string;
  /** The browser's User-Agent header as sent (trimmed); empty where there is none. */
  userAgent: string;
  /** This PC (Electron window, loopback listener) or another PC through host mode. */
  via: 'local' | 'host';
}

/** A caller whose shell said nothing about its device: this PC. */
export const LOCAL_DEVICE: DeviceInfo = { address: 'local', userAgent: '', via: 'local' };

const MAX_ADDRESS = 64;
const MAX_USER_AGENT = 256;

export interface Session {
  /** SHA-256 of the token (hex): the store's and the table's key. The token is kept nowhere. */
  id: string;
  userId: number;
  device: DeviceInfo;
  startedAt: number;
  lastActiveAt: number;
  locked: boolean;
}

/** "Last active" reaches the disk at most this often per session (and at shutdown). */
export const ACTIVITY_WRITE_MS = 60_000;

export const sessionIdOf = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export interface SessionStoreOptions {
  /** A session that could not be written (a full disk, a read-only file) still works in memory. */
  onError?: (message: string, error: unknown) => void;
}

/**
 * The signed-in sessions: in main's memory, where every call finds its own, and with a database
 * (`sessions`, migration 0016) also on disk, so that a restart of the host keeps the other PCs
 * signed in. Each sign-in gets a fresh random 128-bit token; only its SHA-256 is stored, and
 * nothing the renderer holds can name a role. Sessions of this PC (an Electron window's memory, a
 * launch's cookie) cannot be resumed by a new process, so a new store drops them.
 *
 * Memory decides: a write to the table that fails is kept in `unsynced` and tried again with the
 * next one, so a session ended while the disk was full does not come back after a restart.
 */
export class SessionStore {
  /** Failed sign-ins by unknown name and by address (memory only). */
  readonly attempts = new SignInAttempts();
  private readonly byId = new Map<string, Session>();
  private readonly table: SessionTable | null;
  private readonly storedActiveAt = new Map<string, number>();
  private readonly unsynced = new Set<string>();
  private failing = false;

  constructor(
    db?: Db,
    private readonly options: SessionStoreOptions = {},
  ) {
    this.table = db ? new SessionTable(db) : null;
    for (const s of this.table?.all() ?? []) {
      if (s.device.via === 'local') this.sync(s.id);
      else {
        this.byId.set(s.id, s);
        this.storedActiveAt.set(s.id, s.lastActiveAt);
      }
    }
  }

  create(
    userId: number,
    now: number,
    device: DeviceInfo = LOCAL_DEVICE,
  ): Session & { token: string } {
    const token = randomBytes(16).toString('hex');
    const session: Session = {
      id: sessionIdOf(token),
      userId,
      device: {
        address: device.address.slice(0, MAX_ADDRESS) || LOCAL_DEVICE.address,
        userAgent: device.userAgent.slice(0, MAX_USER_AGENT),
        via: device.via,
      },
      startedAt: now,
      lastActiveAt: now,
      locked: false,
    };
    this.byId.set(session.id, session);
    this.sync(session.id);
    return { ...session, token };
  }

  get(token: string | null): Session | undefined {
    return token ? this.byId.get(sessionIdOf(token)) : undefined;
  }

  /** Every live session, oldest first. */
  list(): Session[] {
    return [...this.byId.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Ends the session with this token (sign-out, an expired session). */
  delete(token: string): void {
    this.end(sessionIdOf(token));
  }

  /** Ends the session with this id at once; returns it, or undefined if it was not live. */
  end(id: string): Session | undefined {
    const session = this.byId.get(id);
    if (!session) return undefined;
    this.byId.delete(id);
    this.sync(id);
    return session;
  }

  lock(id: string): void {
    const session = this.byId.get(id);
    if (!session || session.locked) return;
    session.locked = true;
    this.sync(id);
  }

  unlock(id: string, now: number): void {
    const session = this.byId.get(id);
    if (!session) return;
    session.locked = false;
    session.lastActiveAt = now;
    this.sync(id);
  }

  /** A call went through: the session is active now (on disk at most once a minute). */
  touch(id: string, now: number): void {
    const session = this.byId.get(id);
    if (!session || session.locked) return;
    session.lastActiveAt = now;
    if (now - (this.storedActiveAt.get(id) ?? 0) >= ACTIVITY_WRITE_MS) this.sync(id);
  }

  /**
   * Ends a user's sessions at once (a disabled account, a reset or changed password), all but
   * the one with token `keep`: their windows' next call, even a read, finds no session.
   */
  endAllOf(userId: number, keep: string | null = null): number {
    const kept = keep === null ? null : sessionIdOf(keep);
    return this.endWhere((s) => s.userId === userId && s.id !== kept);
  }

  /** Ends every session that came this way (host mode turned off ends every remote one). */
  endVia(via: DeviceInfo['via']): number {
    return this.endWhere((s) => s.device.via === via);
  }

  /** Ends the sessions started before `now - maxAgeMs`, whose absolute limit has passed. */
  prune(now: number, maxAgeMs: number): number {
    return this.endWhere((s) => now - s.startedAt > maxAgeMs);
  }

  /** Writes what only memory knows (activity within the last minute): at shutdown. */
  flush(): void {
    for (const [id, session] of this.byId) {
      if (session.lastActiveAt !== this.storedActiveAt.get(id)) this.sync(id);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  private endWhere(ends: (s: Session) => boolean): number {
    let ended = 0;
    for (const session of [...this.byId.values()]) {
      if (ends(session)) {
        this.end(session.id);
        ended++;
      }
    }
    return ended;
  }

  /** Makes the table agree with memory for `id` (and for whatever failed to be written before). */
  private sync(id: string): void {
    if (!this.table) return;
    this.unsynced.add(id);
    for (const pending of [...this.unsynced]) {
      const session = this.byId.get(pending);
      try {
        if (session) this.table.save(session);
        else this.table.remove(pending);
      } catch (error) {
        // Said once until writing works again, not at every call while the disk stays full.
        if (!this.failing)
          this.options.onError?.('Sessions could not be written to the database', error);
        this.failing = true;
        return;
      }
      this.failing = false;
      this.unsynced.delete(pending);
      if (session) this.storedActiveAt.set(pending, session.lastActiveAt);
      else this.storedActiveAt.delete(pending);
    }
  }
}

/**
 * Where a caller's session token is kept between calls: per window in Electron, in an HttpOnly
 * cookie in the browser shell. The renderer's code never sees it. `device` is filled by the shell
 * (absent: this PC) and recorded with a session when it starts.
 */
export interface SessionHandle {
  token: string | null;
  setToken(token: string | null): void;
  device?: DeviceInfo;
}

/** A handle that just holds the token: tests, and the Electron shell's per-window map. */
export function memoryHandle(initial: string | null = null, device?: DeviceInfo): SessionHandle {
  const handle: SessionHandle = {
    token: initial,
    setToken(token) {
      handle.token = token;
    },
    ...(device ? { device } : {}),
  };
  return handle;
}
