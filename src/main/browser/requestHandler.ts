import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { Router } from '../ipc/router';
import { resolveStaticPath } from '../platform/staticPath';
import { checkJsonShape, JSON_LIMITS } from './jsonLimits';
import { SECURITY_HEADERS } from './securityHeaders';
import { launchTokenGiven, sessionOf, type ListenerPolicy } from './listenerPolicy';
import { hostAllowed, originAllowed } from './requestGuard';
import { EXCHANGE_PATH, SHIM_SOURCE } from './shim';
import { eventsRoute } from './events';
import type { ChangeFeed } from '../live/changeFeed';
import { EVENTS_PATH } from '../../shared/live';

/** An exchange body is `{"code":"…"}`: anything longer is not one. */
const MAX_EXCHANGE_BYTES = 256;
const SHIM_PATH = '/isd-shim.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RequestHandlerOptions {
  router: Router;
  rendererDir: string;
  policy: ListenerPolicy;
  /** The core's change notices, served at /api/events (none without it). */
  changes?: ChangeFeed;
  heartbeatMs?: number;
}

type Serve = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
interface Route {
  method: 'GET' | 'POST';
  serve: Serve;
}

/** The body as text, or null past `maxBytes` (refused by its declared length before reading). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The one request handler both listeners use: the built renderer (with the page shim), the
 * router at `/api/invoke`, and whatever else the route table names. Requests under another host
 * name, from another origin, or (loopback) from another machine are refused.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { policy } = options;

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': 'no-store',
    });
    res.end(body);
  }

  const refuse = (res: ServerResponse, status: number, reason: string): void =>
    send(res, status, 'text/plain; charset=utf-8', reason);

  /** JSON from this server's own page only: other origins and content types are refused. */
  function guardPost(req: IncomingMessage, res: ServerResponse): boolean {
    if (!originAllowed(req, policy.scheme, policy.admitted())) {
      return (refuse(res, 403, 'Foreign origin'), false);
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return (refuse(res, 415, 'JSON only'), false);
    }
    return true;
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === SHIM_PATH) return send(res, 200, MIME['.js']!, SHIM_SOURCE);
    const file = resolveStaticPath(options.rendererDir, pathname);
    if (file === null) return refuse(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(res, 404, 'Not found');
    }
    if (file === join(options.rendererDir, 'index.html')) {
      // The shim must define window.api before the app's module script runs.
      const html = body
        .toString('utf8')
        .replace('<head>', `<head>\n    <script src="${SHIM_PATH}"></script>`);
      return send(res, 200, MIME['.html']!, html);
    }
    send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', body);
  }

  async function serveExchange(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const launch = policy.launch;
    if (!launch) return refuse(res, 404, 'Not found');
    if (!guardPost(req, res)) return;
    const text = await readBody(req, MAX_EXCHANGE_BYTES);
    if (text === null) return refuse(res, 413, 'Request too large');
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown } | null)?.code;
    } catch {
      return refuse(res, 400, 'Malformed JSON');
    }
    if (typeof code !== 'string' || !launch.codes.redeem(code)) {
      return refuse(res, 403, 'This address was used or has expired: open a new one');
    }
    res.setHeader('set-cookie', launch.cookie());
    send(res, 204, 'text/plain; charset=utf-8', '');
  }

  async function serveInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guardPost(req, res)) return;
    if (!launchTokenGiven(req, policy)) return refuse(res, 403, 'Missing or wrong token');
    const text = await readBody(req, JSON_LIMITS.bytes);
    if (text === null) return refuse(res, 413, 'Request too large');
    const shape = checkJsonShape(text);
    if (!shape.ok) return refuse(res, shape.status, shape.reason);
    let call: unknown;
    try {
      call = JSON.parse(text);
    } catch {
      return refuse(res, 400, 'Malformed JSON');
    }
    const { method, input, opId } =
      typeof call === 'object' && call !== null
        ? (call as { method?: unknown; input?: unknown; opId?: unknown })
        : {};
    const session = sessionOf(req, policy);
    const result = await options.router.invoke(method, input, session, {}, { opId });
    res.setHeader('set-cookie', session.cookie());
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  /** Path → route; anything else is a GET of the renderer's files. */
  const routes = new Map<string, Route>([
    ['/api/invoke', { method: 'POST', serve: serveInvoke }],
    [EXCHANGE_PATH, { method: 'POST', serve: serveExchange }],
  ]);
  const { changes: feed, router, heartbeatMs } = options;
  if (feed) {
    const serve = eventsRoute({ feed, router, policy, ...(heartbeatMs ? { heartbeatMs } : {}) });
    routes.set(EVENTS_PATH, { method: 'GET', serve });
  }
  const staticRoute: Route = { method: 'GET', serve: serveStatic };

  return (req, res) => {
    if (!policy.remoteAllowed(req.socket.remoteAddress)) return refuse(res, 403, 'Loopback only');
    if (!hostAllowed(req, policy.admitted())) return refuse(res, 403, 'Foreign host');
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.get(pathname) ?? staticRoute;
    const handle =
      req.method === route.method
        ? route.serve(req, res)
        : Promise.resolve(refuse(res, 405, `${route.method} only`));
    handle.catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  };
}
