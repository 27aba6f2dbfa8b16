/**
 * Work a handler leaves for after its transaction commits (e.g. writing an XLSX, which exceljs
 * only does asynchronously, while better-sqlite3 transactions must stay synchronous).
 *
 * Work that already holds something (a restore's opened backup in the work folder) says how to
 * give it up: if the call fails before the work runs (the transaction rolled back after the
 * handler returned), the router abandons it instead. Either `run` or `abandon` takes effect, once.
 */
export class Deferred<T> {
  private settled = false;

  constructor(
    private readonly work: () => Promise<T>,
    private readonly onAbandon: () => void = () => undefined,
  ) {}

  run(): Promise<T> {
    if (this.settled) return Promise.reject(new Error('Deferred work was already settled'));
    this.settled = true;
    return this.work();
  }

  /** Gives up work that has not run (a no-op once it ran or was abandoned). */
  abandon(): void {
    if (this.settled) return;
    this.settled = true;
    this.onAbandon();
  }
}

export type MaybeDeferred<T> = T | Deferred<T>;
