/**
 * Work a handler leaves for after its transaction commits (e.g. writing an XLSX, which exceljs
 * only does asynchronously, while better-sqlite3 transactions must stay synchronous).
 */
export class Deferred<T> {
  constructor(readonly run: () => Promise<T>) {}
}

export type MaybeDeferred<T> = T | Deferred<T>;
