import { ORIGIN_HEX_DIGITS } from '@shared/live';

/** How long an answered write waits for its notice before it is forgotten. */
export const OWN_WRITE_TTL_MS = 60_000;
/** How many writes are remembered at once; the oldest is forgotten first. */
export const MAX_OWN_WRITES = 200;

/**
 * The origin main stamps on the notice of a write with `opId` (main's noticeOrigin), or null where
 * the page has no `crypto.subtle` (an insecure context): then no notice is taken as this window's.
 */
export async function originOf(opId: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(opId));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, ORIGIN_HEX_DIGITS);
  } catch {
    return null;
  }
}

interface OwnWrite {
  /** Its notice came (and was not acted on). */
  noticed: boolean;
  /** When its answer came; null while it is in flight. */
  answeredAt: number | null;
}

/**
 * This window's writes whose notices may still come. A write's own answer refreshes what it made
 * stale (client.ts `call`), so its notice is not acted on a second time. Per window, not per
 * session: two tabs of one browser share a session and each must refresh on the other's writes.
 */
export class OwnWrites {
  private readonly writes = new Map<string, OwnWrite>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Before a write is first sent (its notice may overtake its answer): its origin, or null. */
  async begin(opId: string): Promise<string | null> {
    const origin = await originOf(opId);
    if (origin === null) return null;
    this.forgetStale();
    this.writes.set(origin, { noticed: false, answeredAt: null });
    return origin;
  }

  /** Whether a notice is one of this window's writes, to be left to that write's answer. */
  claim(origin: string | undefined): boolean {
    const write = origin === undefined ? undefined : this.writes.get(origin);
    if (!write) return false;
    if (write.answeredAt === null) write.noticed = true;
    else this.writes.delete(origin!);
    return true;
  }

  /**
   * When the write's answer came. Returns whether its notice was already passed over, so that a
   * refusal which still kept rows (a failed sign-in's count) refreshes them itself; after a
   * refusal a later notice is acted on as anyone's.
   */
  answered(origin: string, ok: boolean): boolean {
    const write = this.writes.get(origin);
    if (!write) return false;
    if (ok && !write.noticed) write.answeredAt = this.now();
    else this.writes.delete(origin);
    return write.noticed;
  }

  get size(): number {
    return this.writes.size;
  }

  /** Answered writes past the TTL go, then the oldest until there is room for one more. */
  private forgetStale(): void {
    const cutoff = this.now() - OWN_WRITE_TTL_MS;
    for (const [origin, write] of this.writes)
      if (write.answeredAt !== null && write.answeredAt < cutoff) this.writes.delete(origin);
    for (const origin of this.writes.keys()) {
      if (this.writes.size < MAX_OWN_WRITES) break;
      this.writes.delete(origin);
    }
  }
}

/** The window's one memory of its writes, shared by `call` and the notice listener. */
export const ownWrites = new OwnWrites();
