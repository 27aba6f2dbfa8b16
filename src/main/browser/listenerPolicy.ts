import type { IncomingMessage } from 'node:http';
import type { DeviceInfo } from '../accounts/sessionStore';
import { deviceOf } from './device';
import type { OneTimeCodes } from './oneTimeCodes';
import { tokenMatches } from './requestGuard';
import { cookieSession, type SessionCookieRule } from './sessionCookie';

/**
 * What sets one listener apart from the other: the loopback page (this PC, its launch token)
 * and the host (HTTPS, the other PCs of the office, each signing in with their own account).
 */
export interface ListenerPolicy {
  via: DeviceInfo['via'];
  scheme: 'http' | 'https';
  /** `host:port` values the Host and Origin headers may carry. */
  admitted(): readonly string[];
  remoteAllowed(address: string | undefined): boolean;
  sessionCookie(): SessionCookieRule;
  /** The loopback listener's launch: calls need its token, got by exchanging a one-time code. */
  launch?: { token: string; codes: OneTimeCodes; cookieName(): string; cookie(): string };
}

/** The loopback listener's launch token came back in its cookie; the host listener has none. */
export function launchTokenGiven(req: IncomingMessage, policy: ListenerPolicy): boolean {
  const launch = policy.launch;
  return !launch || tokenMatches(req, launch.cookieName(), launch.token);
}

/** The caller's session as this listener keeps it: its cookie, and the device it comes from. */
export function sessionOf(
  req: IncomingMessage,
  policy: ListenerPolicy,
): ReturnType<typeof cookieSession> {
  return cookieSession(req, policy.sessionCookie(), deviceOf(req, policy.via));
}
