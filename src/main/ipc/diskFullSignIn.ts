import type { AuthStatus } from '../../shared/accounts';
import { appendAudit, type AuditEvent } from '../accounts/audit';
import { authStatus, FREE_ATTEMPTS } from '../accounts/auth';
import { DomainError } from '../services/errors';
import { verifyPassword } from '../accounts/passwords';
import { findUserByName, loadActor } from '../accounts/users';
import type { Db } from '../db/open';
import type { HandlerContext } from '../services/context';

/**
 * Sign-in while the disk is full. An ordinary sign-in writes (the last sign-in time, the attempt
 * counter, its audit row), so a full disk would lock everyone out of records they can still read.
 * When that write was refused as DISK_FULL, the password is checked again without writing, the
 * session (in memory) starts, and the audit row waits in memory until the next write commits.
 * Wrong passwords are counted in memory: after FREE_ATTEMPTS the name is refused until space
 * returns, so the full disk is no way round the throttling.
 */
export class DiskFullSignIn {
  private readonly waiting: AuditEvent[] = [];
  private readonly failures = new Map<string, number>();

  signIn(ctx: HandlerContext, input: { username: string; password: string }): AuthStatus {
    const refused = new DomainError('DISK_FULL', 'The disk is full; the change was not saved');
    const name = input.username.toLowerCase();
    const failed = this.failures.get(name) ?? 0;
    const user = findUserByName(ctx.db, input.username);
    const now = ctx.now();
    const address = ctx.signIns.addressAttempts(ctx.session.device.address);
    const throttled =
      (user?.locked_until ? Date.parse(user.locked_until) > now.getTime() : false) ||
      (address?.lockedUntil ?? 0) > now.getTime();
    if (failed >= FREE_ATTEMPTS || throttled || !user || user.disabled_at) throw refused;
    if (!verifyPassword(input.password, user.password_hash)) {
      this.failures.set(name, failed + 1);
      throw refused;
    }
    ctx.session.start(user.id);
    this.waiting.push({
      at: now.toISOString(),
      actor: { userId: user.id, username: user.username },
      method: 'auth.login',
      outcome: 'ok',
      entity: 'user',
      entityId: user.id,
      detail: 'Signed in while the disk was full; recorded once space returned',
    });
    return authStatus({ ...ctx, actor: loadActor(ctx.db, user.id) });
  }

  /** Inside a write's transaction: the rows that waited go first. Returns how many. */
  writeWaiting(db: Db): number {
    for (const event of this.waiting) appendAudit(db, event);
    return this.waiting.length;
  }

  /** After that transaction committed: they are written, forget them (and the failures). */
  written(count: number): void {
    this.waiting.splice(0, count);
    if (count > 0) this.failures.clear();
  }
}
