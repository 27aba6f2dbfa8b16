import { randomBytes } from 'node:crypto';

/** Where a session was made: the PC itself (Electron or the loopback page) or a desk over the host. */
export interface DeviceInfo {
  address: string;
  userAgent: string;
  via: 'local' | 'host';
}

export interface Session {
  token: string;
  userId: number;
  startedAt: number;
  lastActiveAt: number;
  locked: boolean;
  device?: DeviceInfo;
}

/** Wrong-password bookkeeping for a name that has no account. */
export interface NameAttempts {
  failures: number;
  /** Epoch ms; 0 when not waiting. */
  lockedUntil: number;
}

/**
 * Failed sign-ins under names that do not exist, counted like real accounts' (so the answers do
 * not tell which names exist) but only in memory, so that guessing names cannot fill the database.
 */
export interface UnknownNameMemory {
  unknownNameAttempts(name: string): NameAttempts | undefined;
  rememberUnknownName(name: string, attempts: NameAttempts): void;
}

const MAX_UNKNOWN_NAMES = 10_000;

/**
 * Sessions live in main's memory only: a restart signs everyone out, and nothing the renderer
 * holds can name a role. Each sign-in gets a fresh random 128-bit token.
 */
export class SessionStore implements UnknownNameMemory {
  private readonly byToken = new Map<string, Session>();
  private readonly unknownNames = new Map<string, NameAttempts>();

  unknownNameAttempts(name: string): NameAttempts | undefined {
    return this.unknownNames.get(name);
  }

  rememberUnknownName(name: string, attempts: NameAttempts): void {
    this.unknownNames.delete(name);
    this.unknownNames.set(name, attempts);
    // Oldest first out: a flood of invented names costs bounded memory.
    if (this.unknownNames.size > MAX_UNKNOWN_NAMES) {
      this.unknownNames.delete(this.unknownNames.keys().next().value!);
    }
  }

  create(userId: number, now: number, device?: DeviceInfo): Session {
    const session: Session = {
      token: randomBytes(16).toString('hex'),
      userId,
      startedAt: now,
      lastActiveAt: now,
      locked: false,
      ...(device ? { device } : {}),
    };
    this.byToken.set(session.token, session);
    return session;
  }

  get(token: string | null): Session | undefined {
    return token ? this.byToken.get(token) : undefined;
  }

  delete(token: string): void {
    this.byToken.delete(token);
  }

  /**
   * Ends a user's sessions at once (a disabled account, a reset or changed password), all but
   * `keep`: their windows' next call, even a read, finds no session.
   */
  endAllOf(userId: number, keep: string | null = null): number {
    let ended = 0;
    for (const [token, session] of this.byToken) {
      if (session.userId === userId && token !== keep) {
        this.byToken.delete(token);
        ended++;
      }
    }
    return ended;
  }

  /** Ends every session made through one way in (turning host mode off ends the remote desks'). */
  endVia(via: DeviceInfo['via']): number {
    let ended = 0;
    for (const [token, session] of this.byToken) {
      if (session.device?.via === via) {
        this.byToken.delete(token);
        ended++;
      }
    }
    return ended;
  }

  get size(): number {
    return this.byToken.size;
  }
}

/**
 * Where a caller's session token is kept between calls: per window in Electron, in an HttpOnly
 * cookie in the browser shell. The renderer's code never sees it.
 */
export interface SessionHandle {
  token: string | null;
  /** The device calling through this handle; a sign-in records it on the session it makes. */
  device?: DeviceInfo;
  setToken(token: string | null): void;
}

/** A handle that just holds the token: tests, and the Electron shell's per-window map. */
export function memoryHandle(initial: string | null = null): SessionHandle {
  const handle: SessionHandle = {
    token: initial,
    setToken(token) {
      handle.token = token;
    },
  };
  return handle;
}
