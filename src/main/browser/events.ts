import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthStatus } from '../../shared/accounts';
import type { ChangeNotice } from '../../shared/live';
import type { Router } from '../ipc/router';
import { TooManyListenersError, type ChangeFeed } from '../live/changeFeed';
import { launchTokenGiven, sessionOf, type ListenerPolicy } from './listenerPolicy';
import { originAllowed } from './requestGuard';
import { SECURITY_HEADERS } from './securityHeaders';

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser's EventSource waits before it reconnects by itself. */
export const RECONNECT_MS = 2_000;

export interface EventRouteOptions {
  feed: ChangeFeed;
  router: Router;
  /** The listener's own rules: its admitted names, its launch token (loopback), its cookie. */
  policy: ListenerPolicy;
  heartbeatMs?: number;
}

const frame = (event: string, data: unknown, id?: number): string =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export const noticeFrame = (notice: ChangeNotice): string => frame('notice', notice, notice.seq);

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(reason);
}

/**
 * `GET /api/events`: the change notices as server-sent events, for a page of this launch (its
 * token cookie) with a live signed-in session. First `hello` (the core's instance id and last seq,
 * so a reconnecting page can tell what it missed), then one `notice` per committed write, and a
 * heartbeat comment every 15 s. A page without a live session gets `signedOut` and the stream ends.
 * The stream ends with its connection: the shell's close() destroys every connection, so an open
 * stream never holds a shutdown.
 */
export function eventsRoute(
  options: EventRouteOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const { policy } = options;
    // EventSource sends Origin only across origins; when it is there it must be this server.
    if (req.headers.origin !== undefined && !originAllowed(req, policy.scheme, policy.admitted()))
      return refuse(res, 403, 'Foreign origin');
    if (!launchTokenGiven(req, policy)) return refuse(res, 403, 'Missing or wrong token');
    const status = await options.router.invoke('auth.status', {}, sessionOf(req, policy));
    const signedIn = status.ok && (status.value as AuthStatus).state === 'active';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    if (!signedIn) return void res.end(frame('signedOut', {}));
    let unsubscribe: () => void;
    try {
      unsubscribe = options.feed.subscribe((notice) => res.write(noticeFrame(notice)));
    } catch (error) {
      if (!(error instanceof TooManyListenersError)) throw error;
      // The page's EventSource tries again after RECONNECT_MS.
      return void res.end();
    }
    res.write(frame('hello', { instance: options.feed.instance, seq: options.feed.lastSeq }));
    const heartbeat = setInterval(
      () => res.write(': heartbeat\n\n'),
      options.heartbeatMs ?? HEARTBEAT_MS,
    );
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };
}
