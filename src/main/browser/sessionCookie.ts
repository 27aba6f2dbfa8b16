import type { IncomingMessage } from 'node:http';
import type { SessionHandle } from '../accounts/sessionStore';

/**
 * The browser shell keeps the session token in an HttpOnly, SameSite=Strict cookie: page scripts
 * cannot read it and other sites cannot send it. Named by port, since cookies ignore ports.
 */
export function cookieSession(
  req: IncomingMessage,
  port: number,
): SessionHandle & { cookie(): string } {
  const name = `isd_session_${port}`;
  const value = readCookie(req, name);
  const handle = {
    token: value && /^[0-9a-f]{32}$/.test(value) ? value : null,
    setToken(token: string | null) {
      handle.token = token;
    },
    cookie(): string {
      const base = `${name}=${handle.token ?? ''}; HttpOnly; SameSite=Strict; Path=/api`;
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
