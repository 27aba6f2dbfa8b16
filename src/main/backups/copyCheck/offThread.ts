import { Worker } from 'node:worker_threads';
import type { FileCheck } from '../checkFile';
import type { CopyCheckReply, CopyCheckRequest } from './protocol';
import { settleAndCheckCopy } from './checkCopy';
import { copyCheckWorkerFile } from './workerFile';

/** A failure of the worker's check, rebuilt on this side with its code (SQLITE_IOERR, ENOSPC…). */
class CopyCheckFailure extends Error {
  readonly code: string | undefined;
  constructor(error: { name: string; message: string; code?: string }) {
    super(error.message);
    this.name = error.name;
    this.code = error.code;
  }
}

/**
 * settleAndCheckCopy on a worker thread: integrity_check reads the whole copy (about 3 s for a
 * district's 391 MB), and on the main thread that would hold every call of every desk meanwhile.
 * The worker opens the file with the driver build the caller names (Electron's own, in the app).
 */
export async function checkCopyOffThread(path: string, nativeBinding?: string): Promise<FileCheck> {
  const workerFile = await copyCheckWorkerFile();
  if (workerFile === null) return settleAndCheckCopy(path, nativeBinding);
  const request: CopyCheckRequest = { path, ...(nativeBinding ? { nativeBinding } : {}) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: request });
    let answered = false;
    worker.once('message', (reply: CopyCheckReply) => {
      answered = true;
      if (reply.ok) resolve(reply.check);
      else reject(new CopyCheckFailure(reply.error));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The backup check stopped without an answer (exit ${code})`));
    });
  });
}
