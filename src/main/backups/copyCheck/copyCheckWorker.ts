import { parentPort, workerData } from 'node:worker_threads';
import { settleAndCheckCopy } from './checkCopy';
import type { CopyCheckReply, CopyCheckRequest } from './protocol';

/** The worker thread's body: one copy checked, one reply, then the thread ends. */
function answer(request: CopyCheckRequest): CopyCheckReply {
  try {
    return { ok: true, check: settleAndCheckCopy(request.path, request.nativeBinding) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return {
      ok: false,
      error: {
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      },
    };
  }
}

if (parentPort) parentPort.postMessage(answer(workerData as CopyCheckRequest));
