import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Router } from '../ipc/router';
import { CONTENT_SECURITY_POLICY } from '../platform/csp';
import { resolveStaticPath } from '../platform/staticPath';
import { deviceOf } from './device';
import { checkJsonShape, JSON_LIMITS } from './jsonLimits';
import { OneTimeCodes } from './oneTimeCodes';
import { hostAllowed, isLoopback, originAllowed, tokenMatches } from './requestGuard';
import { cookieSession, shellCookie } from './sessionCookie';
import { EXCHANGE_PATH, SHIM_SOURCE } from './shim';

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

export interface BrowserShellOptions {
  router: Router;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
  /** Tests move the clock past a code's lifetime. */
  now?: () => number;
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

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  send(res, status, 'text/plain; charset=utf-8', reason);
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

/** JSON from this server's own page only: other hosts, origins and content types are refused. */
function guardPost(req: IncomingMessage, res: ServerResponse, port: number): boolean {
  if (!originAllowed(req, port)) return (refuse(res, 403, 'Foreign origin'), false);
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return (refuse(res, 415, 'JSON only'), false);
  }
  return true;
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

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
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
    if (!guardPost(req, res, port)) return;
    const text = await readBody(req, MAX_EXCHANGE_BYTES);
    if (text === null) return refuse(res, 413, 'Request too large');
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown } | null)?.code;
    } catch {
      return refuse(res, 400, 'Malformed JSON');
    }
    if (typeof code !== 'string' || !codes.redeem(code)) {
      return refuse(res, 403, 'This address was used or has expired: open a new one');
    }
    res.setHeader('set-cookie', shellCookie(port, token));
    send(res, 204, 'text/plain; charset=utf-8', '');
  }

  async function serveInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guardPost(req, res, port)) return;
    if (!tokenMatches(req, port, token)) return refuse(res, 403, 'Missing or wrong token');
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
    const session = cookieSession(req, port);
    session.device = deviceOf(req, 'local');
    const result = await options.router.invoke(method, input, session, {}, { opId });
    res.setHeader('set-cookie', session.cookie());
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  const postRoutes = new Map([
    ['/api/invoke', serveInvoke],
    [EXCHANGE_PATH, serveExchange],
  ]);

  const server = createServer((req, res) => {
    if (!isLoopback(req.socket.remoteAddress)) return refuse(res, 403, 'Loopback only');
    if (!hostAllowed(req, port)) return refuse(res, 403, 'Foreign host');
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const post = postRoutes.get(pathname);
    const handle = post
      ? req.method === 'POST'
        ? post(req, res)
        : Promise.resolve(refuse(res, 405, 'POST only'))
      : req.method === 'GET'
        ? serveStatic(pathname, res)
        : Promise.resolve(refuse(res, 405, 'GET only'));
    handle.catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  });

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
