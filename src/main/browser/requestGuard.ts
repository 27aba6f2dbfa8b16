import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { readCookie } from './sessionCookie';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

/** The names under which the loopback server may be addressed: anything else is DNS rebinding or worse. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** `admitted` holds `host:port` values: the Host header must be one of them exactly. */
export function hostAllowed(req: IncomingMessage, admitted: readonly string[]): boolean {
  return admitted.includes(req.headers.host ?? '');
}

/** A browser always sends Origin on a POST; it must be this server itself. */
export function originAllowed(
  req: IncomingMessage,
  scheme: 'http' | 'https',
  admitted: readonly string[],
): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && admitted.some((h) => origin === `${scheme}://${h}`);
}

/** The launch's token came back in its cookie (set when the page exchanged its one-time code). */
export function tokenMatches(req: IncomingMessage, cookieName: string, token: string): boolean {
  const given = readCookie(req, cookieName);
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
