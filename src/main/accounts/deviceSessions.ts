import type { DeviceSession } from '../../shared/sessions';
import { describeUserAgent } from '../../shared/sessions';
import type { HandlerContext } from '../services/context';
import { isoNow } from '../services/context';
import { DomainError } from '../services/errors';
import { appendAudit } from './audit';
import type { Session } from './sessionStore';
import { getSettings } from './settings';

interface Holder {
  id: number;
  username: string;
  display_name: string;
  disabled_at: string | null;
}

/**
 * Every signed-in device, oldest sign-in first, as the router would judge it now: a session past
 * its absolute limit or of a disabled or removed account is not listed (its next call is
 * refused), and one idle past the lock time shows as locked.
 */
export function listSessions(ctx: HandlerContext): DeviceSession[] {
  const now = ctx.now().getTime();
  const { idleLockMinutes, sessionMaxHours } = getSettings(ctx);
  const holders = new Map(
    ctx.db
      .prepare<[], Holder>('SELECT id, username, display_name, disabled_at FROM users')
      .all()
      .map((u) => [u.id, u]),
  );
  const own = ctx.session.id();
  return ctx.session.list().flatMap((s) => {
    const holder = holders.get(s.userId);
    if (!holder || holder.disabled_at || now - s.startedAt > sessionMaxHours * 3_600_000) return [];
    const current = s.id === own;
    const idle = now - s.lastActiveAt > idleLockMinutes * 60_000;
    return [{ ...shown(s, holder), locked: !current && (s.locked || idle), current }];
  });
}

function shown(s: Session, holder: Holder): Omit<DeviceSession, 'locked' | 'current'> {
  return {
    id: s.id,
    userId: s.userId,
    username: holder.username,
    displayName: holder.display_name,
    address: s.device.address,
    browser: describeUserAgent(s.device.userAgent),
    userAgent: s.device.userAgent,
    via: s.device.via,
    startedAt: new Date(s.startedAt).toISOString(),
    lastActiveAt: new Date(s.lastActiveAt).toISOString(),
  };
}

/**
 * Ends another device's session at once: its next call, even a read, gets the sign-in screen.
 * The administrator's own is refused (OWN_SESSION: sign out instead), an ended one is NOT_FOUND.
 */
export function endSession(ctx: HandlerContext, input: { id: string }): DeviceSession {
  if (input.id === ctx.session.id()) {
    throw new DomainError('OWN_SESSION', 'Your own session is ended by signing out');
  }
  const ended = ctx.session.endOther(input.id);
  if (!ended) {
    throw new DomainError('NOT_FOUND', 'No such session', { entity: 'session', id: input.id });
  }
  const holder = ctx.db
    .prepare<[number], Holder>(
      'SELECT id, username, display_name, disabled_at FROM users WHERE id = ?',
    )
    .get(ended.userId) ?? { id: ended.userId, username: '', display_name: '', disabled_at: null };
  const result = { ...shown(ended, holder), locked: ended.locked, current: false };
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'sessions.end',
    outcome: 'ok',
    entity: 'user',
    entityId: ended.userId,
    detail: `Ended the session of ${holder.username} on ${result.address} (${result.via}, ${result.browser ?? 'unknown browser'}) signed in at ${result.startedAt}`,
  });
  return result;
}
