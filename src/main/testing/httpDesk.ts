import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { connect } from 'node:net';
import type { ApiResult } from '../../shared/errors';
import type { ChangeNotice } from '../../shared/live';
import { EVENTS_PATH } from '../../shared/live';
import { EXCHANGE_PATH } from '../browser/shim';

/** The launch cookie a page gets by exchanging the printed address's one-time code. */
export async function exchangeCode(address: string): Promise<string> {
  const url = new URL(address);
  const code = /code=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1];
  if (!code) throw new Error(`No one-time code in ${address}`);
  const res = await fetch(`${url.origin}${EXCHANGE_PATH}`, {
    method: 'POST',
    headers: { origin: url.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const pair = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 204 || !pair) throw new Error(`Code exchange refused: ${res.status}`);
  return pair;
}

/** The session cookie of the loopback listener (per port) or of the host (`__Host-`). */
const SESSION_COOKIE = /^(isd_session_\d+|__Host-isd_session)=/;

/**
 * One desk talking to the browser shell over loopback HTTP as its page does (launch cookie, its
 * own session cookie, operation ids), for the kill tests and the load bench.
 */
export class HttpDesk {
  private session = '';

  /**
   * `launchCookie` is empty through the host (no launch token there); `tls` is the agent that
   * pins the host's certificate when the origin is https.
   */
  constructor(
    readonly origin: string,
    private readonly launchCookie: string,
    private readonly tls?: HttpsAgent,
  ) {}

  get cookie(): string {
    return [this.launchCookie, this.session].filter(Boolean).join('; ');
  }

  /** The raw request of one call, as the page sends it. */
  requestText(method: string, input: unknown, opId?: string): string {
    const body = JSON.stringify({ method, input, ...(opId ? { opId } : {}) });
    const host = new URL(this.origin).host;
    return (
      `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${this.origin}\r\n` +
      `Content-Type: application/json\r\nCookie: ${this.cookie}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
  }

  /** One request to this desk's origin over HTTP or (through the host) pinned HTTPS. */
  private send(
    path: string,
    options: RequestOptions,
    onResponse: (res: IncomingMessage) => void,
  ): ClientRequest {
    const url = new URL(path, this.origin);
    const common = { host: url.hostname, port: url.port, path: url.pathname, ...options };
    return url.protocol === 'https:'
      ? httpsRequest({ ...common, agent: this.tls }, onResponse)
      : httpRequest({ agent: false, ...common }, onResponse);
  }

  async invoke<T = unknown>(method: string, input: unknown, opId?: string): Promise<ApiResult<T>> {
    const body = JSON.stringify({ method, input, ...(opId ? { opId } : {}) });
    const { status, setCookie, text } = await new Promise<{
      status: number;
      setCookie: string | undefined;
      text: string;
    }>((resolve, reject) => {
      const req = this.send(
        '/api/invoke',
        {
          method: 'POST',
          headers: { origin: this.origin, 'content-type': 'application/json', cookie: this.cookie },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              setCookie: res.headers['set-cookie']?.[0],
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const set = setCookie?.split(';')[0];
    if (set && SESSION_COOKIE.test(set)) this.session = set.endsWith('=') ? '' : set;
    if (status !== 200) throw new Error(`${method}: HTTP ${status} ${text}`);
    return JSON.parse(text) as ApiResult<T>;
  }

  /** The value of a call; a refusal throws with its code. */
  async value<T = unknown>(method: string, input: unknown, opId?: string): Promise<T> {
    const result = await this.invoke<T>(method, input, opId);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.value('auth.login', { username, password });
  }

  /**
   * Sends one call and destroys the socket the moment the request is written: the desk is gone
   * before any answer could reach it. Resolves once the bytes were handed to the kernel.
   */
  sendAndVanish(method: string, input: unknown, opId: string): Promise<void> {
    const { hostname, port } = new URL(this.origin);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      socket.on('error', reject);
      socket.on('connect', () =>
        socket.write(this.requestText(method, input, opId), () => {
          socket.destroy();
          resolve();
        }),
      );
    });
  }

  /** The change-notice stream of this desk's session; `onNotice` gets each with its arrival time. */
  events(onNotice: (notice: ChangeNotice, receivedAt: number) => void): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const req = this.send(
        EVENTS_PATH,
        { headers: { host: new URL(this.origin).host, cookie: this.cookie } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const receivedAt = Date.now();
            buffer += chunk;
            const frames = buffer.split('\n\n');
            buffer = frames.pop() ?? '';
            for (const frame of frames) {
              if (!frame.includes('event: notice')) continue;
              const data = frame.split('\n').find((l) => l.startsWith('data: '));
              if (data) onNotice(JSON.parse(data.slice(6)) as ChangeNotice, receivedAt);
            }
          });
          res.on('error', () => undefined);
          resolve(() => req.destroy());
        },
      );
      req.on('error', reject);
      req.end();
    });
  }
}
