import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readCookie, shellCookieName } from './sessionCookie';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

/** The names under which this server may be addressed: anything else is DNS rebinding or worse. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).includes(req.headers.host ?? '');
}

/** A browser always sends Origin on a POST; it must be this server itself. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && allowedHosts(port).some((h) => origin === `http://${h}`);
}

/** The launch's token came back in its cookie (set when the page exchanged its one-time code). */
export function tokenMatches(req: IncomingMessage, port: number, token: string): boolean {
  const given = readCookie(req, shellCookieName(port));
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
