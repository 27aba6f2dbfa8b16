import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS_PATH, type ChangeNotice } from '../../shared/live';
import type { SessionHandle } from '../accounts/sessionStore';
import { sessionFor } from '../testing/authTesting';
import { room, siteTreePerTest } from '../testing/registryTesting';
import { addUser, makeTempDir, makeTestRouter, type TestRouter } from '../testing/tempDb';
import { ChangeFeed } from '../live/changeFeed';
import { SECURITY_HEADERS } from './securityHeaders';
import { startBrowserShell, type BrowserShell } from './server';
import { shellCookieName } from './sessionCookie';

const tree = siteTreePerTest();

interface SseEvent {
  event: string;
  data: string;
}

/** An open event stream: its status, the events so far, comments seen, and a way to wait. */
interface Stream {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  events: SseEvent[];
  ended: Promise<void>;
  /** The next event of this kind not handed out yet, waiting for it if need be. */
  next(event: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

function parseEvents(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .slice(0, -1)
    .flatMap((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
      return event && data !== undefined ? [{ event, data }] : [];
    });
}

function openStream(port: number, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: EVENTS_PATH, headers, agent: false },
      (res: IncomingMessage) => {
        const waiting: (() => void)[] = [];
        /** How many events of each kind next() has handed out already. */
        const taken = new Map<string, number>();
        const stream: Stream = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: '',
          events: [],
          ended: new Promise((done) => res.on('close', () => done())),
          next: (event, timeoutMs = 3000) =>
            new Promise((found, fail) => {
              const timer = setTimeout(() => fail(new Error(`no ${event} event`)), timeoutMs);
              const check = () => {
                const n = taken.get(event) ?? 0;
                const hit = stream.events.filter((e) => e.event === event)[n];
                if (!hit) return false;
                taken.set(event, n + 1);
                clearTimeout(timer);
                found(hit);
                return true;
              };
              if (!check()) waiting.push(() => void check());
            }),
          close: () => req.destroy(),
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          stream.body += chunk;
          stream.events = parseEvents(stream.body);
          for (const wake of waiting.splice(0)) wake();
        });
        res.on('error', () => undefined);
        resolve(stream);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/events', () => {
  let feed: ChangeFeed;
  let tr: TestRouter;
  let shell: BrowserShell;
  let files: ReturnType<typeof makeTempDir>;
  let sessionCookie: string;
  let session: SessionHandle;
  const streams: Stream[] = [];

  const headers = (extra: Record<string, string> = {}, cookie = sessionCookie) => ({
    host: `127.0.0.1:${shell.port}`,
    cookie: `${shellCookieName(shell.port)}=${shell.token}; ${cookie}`,
    ...extra,
  });
  const open = async (h: Record<string, string>) => {
    const stream = await openStream(shell.port, h);
    streams.push(stream);
    return stream;
  };

  beforeEach(async () => {
    feed = new ChangeFeed();
    tr = makeTestRouter(tree.t, undefined, { changes: feed });
    const userId = addUser(tree.t, 'chen.jing', ['coordinator']);
    files = makeTempDir();
    mkdirSync(join(files.dir, 'renderer'));
    writeFileSync(join(files.dir, 'renderer', 'index.html'), '<html><head></head></html>');
    shell = await startBrowserShell({
      router: tr.router,
      rendererDir: join(files.dir, 'renderer'),
      port: 0,
      changes: feed,
      heartbeatMs: 100,
    });
    session = sessionFor(tr, userId);
    sessionCookie = `isd_session_${shell.port}=${session.token!}`;
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await shell.close();
    files.remove();
  });

  it('sends hello, then a notice for each committed write, and heartbeats', async () => {
    const stream = await open(headers());
    expect(stream.status).toBe(200);
    const hello = JSON.parse((await stream.next('hello')).data) as { instance: string };
    expect(hello).toEqual({ instance: feed.instance, seq: 0 });

    const res = await tr.router.invoke('rooms.create', room(tree.a2.id, 'A-210'), session);
    expect(res.ok).toBe(true);
    const notice = JSON.parse((await stream.next('notice')).data) as ChangeNotice;
    expect(notice).toMatchObject({ seq: 1, method: 'rooms.create', domain: 'registry' });
    expect(notice.changes).toContainEqual({
      table: 'rooms',
      id: (res as { value: { id: number } }).value.id,
      op: 'insert',
      version: 1,
    });
    await expect.poll(() => stream.body.includes(': heartbeat\n\n')).toBe(true);
  });

  it('refuses a page without the launch token or from another origin', async () => {
    const noToken = await open({ host: `127.0.0.1:${shell.port}`, cookie: sessionCookie });
    expect(noToken.status).toBe(403);
    const foreign = await open(headers({ origin: 'http://evil.example' }));
    expect(foreign.status).toBe(403);
    const wrongHost = await open(headers({ host: `evil.example:${shell.port}` }));
    expect(wrongHost.status).toBe(403);
    expect(feed.listenerCount).toBe(0);
    // A refusal is a page like any other: framed, sniffed or embedded nowhere.
    for (const refusal of [noToken, foreign, wrongHost])
      expect(refusal.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('sends the stream with the same security headers', async () => {
    const stream = await open(headers());
    await stream.next('hello');
    expect(stream.headers).toMatchObject({
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
    });
  });

  it('tells a page without a live session that it is signed out, and ends', async () => {
    const stream = await open(headers({}, `isd_session_${shell.port}=${'0'.repeat(32)}`));
    expect(stream.status).toBe(200);
    await stream.ended;
    expect(stream.events.map((e) => e.event)).toEqual(['signedOut']);
    expect(feed.listenerCount).toBe(0);
  });

  it('lets go of a closed stream, and close() does not wait for open ones', async () => {
    const first = await open(headers());
    await first.next('hello');
    const second = await open(headers());
    await second.next('hello');
    expect(feed.listenerCount).toBe(2);
    first.close();
    await expect.poll(() => feed.listenerCount).toBe(1);
    const started = Date.now();
    await shell.close();
    await second.ended;
    // Bounded generously: an open stream must not hold the shutdown until the client leaves.
    expect(Date.now() - started).toBeLessThan(2000);
    await expect.poll(() => feed.listenerCount).toBe(0);
  });
});
