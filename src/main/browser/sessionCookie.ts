import type { IncomingMessage } from 'node:http';
import type { DeviceInfo, SessionHandle } from '../accounts/sessionStore';

/** How a listener names and marks its session cookie. */
export interface SessionCookieRule {
  name: string;
  attributes: string;
}

/**
 * The loopback page keeps the session token in an HttpOnly, SameSite=Strict cookie: page scripts
 * cannot read it and other sites cannot send it. Named by port, since cookies ignore ports.
 */
export const loopbackSessionCookie = (port: number): SessionCookieRule => ({
  name: `isd_session_${port}`,
  attributes: 'HttpOnly; SameSite=Strict; Path=/api',
});

/**
 * Through the host: HTTPS only (`Secure`), and the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain, so no other name can set or clash with it.
 */
export const HOST_SESSION_COOKIE: SessionCookieRule = {
  name: '__Host-isd_session',
  attributes: 'Secure; HttpOnly; SameSite=Strict; Path=/',
};

export function cookieSession(
  req: IncomingMessage,
  rule: SessionCookieRule,
  device: DeviceInfo,
): SessionHandle & { cookie(): string } {
  const value = readCookie(req, rule.name);
  const handle = {
    token: value && /^[0-9a-f]{32}$/.test(value) ? value : null,
    device,
    setToken(token: string | null) {
      handle.token = token;
    },
    cookie(): string {
      const base = `${rule.name}=${handle.token ?? ''}; ${rule.attributes}`;
      return handle.token ? base : `${base}; Max-Age=0`;
    },
  };
  return handle;
}

/** The value of cookie `name` in the request, if sent. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const match = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`));
  return match?.slice(name.length + 1);
}

/**
 * The launch's token, which the page gets by exchanging the printed address's one-time code: the
 * same HttpOnly, SameSite=Strict cookie rules as the session, so no page script ever holds it.
 */
export const shellCookieName = (port: number): string => `isd_shell_${port}`;

export function shellCookie(port: number, token: string): string {
  return `${shellCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/api`;
}
