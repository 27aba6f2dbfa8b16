import { randomBytes } from 'node:crypto';
import type { ChangeNotice, RowChange } from '../../shared/live';

export type NoticeListener = (notice: ChangeNotice) => void;

/** Enough for every window and browser desk of a site office; more is a leak, not a desk. */
export const MAX_LISTENERS = 200;

export class TooManyListenersError extends Error {
  constructor() {
    super(`More than ${MAX_LISTENERS} change-notice listeners`);
    this.name = 'TooManyListenersError';
  }
}

/**
 * The core's change notices: numbered per process and stamped with an instance id that changes on
 * every start, so a client that reconnects can tell a restart (or a missed notice) from a blip.
 */
export class ChangeFeed {
  readonly instance = randomBytes(8).toString('hex');
  private seq = 0;
  private readonly listeners = new Set<NoticeListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  /** The seq of the last notice published (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Publishes one notice for a committed write; a write that changed no row tells nobody. */
  publish(write: Omit<ChangeNotice, 'seq'>): ChangeNotice | null {
    if (write.changes.length === 0) return null;
    const notice: ChangeNotice = { seq: ++this.seq, ...write };
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch (error) {
        // One broken stream must not keep the notice from the others, nor fail the write.
        this.onListenerError(error);
      }
    }
    return notice;
  }

  /** Returns the unsubscribe function; throws past MAX_LISTENERS. */
  subscribe(listener: NoticeListener): () => void {
    if (this.listeners.size >= MAX_LISTENERS) throw new TooManyListenersError();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

export type { ChangeNotice, RowChange };
