import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '../ipc/router';
import type { ChangeFeed } from '../live/changeFeed';
import { OneTimeCodes } from './oneTimeCodes';
import { createRequestHandler } from './requestHandler';
import { allowedHosts, isLoopback } from './requestGuard';
import { loopbackSessionCookie, shellCookie, shellCookieName } from './sessionCookie';

export interface BrowserShellOptions {
  router: Router;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /** Tests move the clock past a code's lifetime. */
  now?: () => number;
  /** The core's change notices, served at /api/events (none without it). */
  changes?: ChangeFeed;
  heartbeatMs?: number;
}

export interface BrowserShell {
  /** The address to open: this server with a one-time code in the fragment. */
  url: string;
  port: number;
  /** The launch's token: what the page's HttpOnly cookie carries once it exchanged a code. */
  token: string;
  /** Another address with a fresh code (the printed one works once, for a minute). */
  newAddress(): string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the router on 127.0.0.1 only. Every call needs this launch's
 * token, which the page gets in an HttpOnly cookie by exchanging the one-time code of the printed
 * address; requests from other machines, other origins or other host names are refused.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const codes = new OneTimeCodes(options.now);
  let port = options.port;

  const server = createServer(
    createRequestHandler({
      router: options.router,
      rendererDir: options.rendererDir,
      ...(options.changes ? { changes: options.changes } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      policy: {
        via: 'local',
        scheme: 'http',
        admitted: () => allowedHosts(port),
        remoteAllowed: isLoopback,
        sessionCookie: () => loopbackSessionCookie(port),
        launch: {
          token,
          codes,
          cookieName: () => shellCookieName(port),
          cookie: () => shellCookie(port, token),
        },
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const newAddress = (): string => `http://127.0.0.1:${port}/#code=${codes.issue()}`;
  return {
    url: newAddress(),
    port,
    token,
    newAddress,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
