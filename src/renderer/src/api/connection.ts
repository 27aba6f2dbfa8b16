import { useSyncExternalStore } from 'react';

export interface ConnectionState {
  /** False from the moment the desk server could not be reached until it answers again. */
  online: boolean;
  /** Writes sent but not answered, resent with their operation ids until they are. */
  waitingWrites: number;
}

type Listener = () => void;

/**
 * Whether this window reaches the desk server: told by the event stream (offline / hello) and by
 * each call (UNAVAILABLE or any answer). The banner shows it; waiting resends wake when it returns.
 */
export class Connection {
  private state: ConnectionState = { online: true, waitingWrites: 0 };
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly snapshot = (): ConnectionState => this.state;

  private set(next: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }

  lost(): void {
    if (this.state.online) this.set({ online: false });
  }

  reached(): void {
    if (!this.state.online) this.set({ online: true });
  }

  writeWaiting(delta: 1 | -1): void {
    this.set({ waitingWrites: Math.max(0, this.state.waitingWrites + delta) });
  }

  /** Resolves after `ms`, or sooner once the server is reachable again. */
  waitOrOnline(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const stop = this.subscribe(() => {
        if (this.state.online) done();
      });
    });
  }
}

/** The window's one connection state. */
export const connection = new Connection();

export function useConnection(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.snapshot);
}
