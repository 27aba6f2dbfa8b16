import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/permissions';
import type { Db } from '../db/open';
import { drainCapturedChanges } from './audit';
import type { ServiceContext } from '../services/context';
import { loadDemo } from './demo';
import { countUsers, createUser } from './users';

export const DEMO_USERS: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '王主任', roles: ['administrator', 'coordinator'] },
  { username: 'coordinator', displayName: '李协调', roles: ['coordinator'] },
  { username: 'doctor', displayName: '张医生', roles: ['medical'] },
  { username: 'warehouse', displayName: '赵库管', roles: ['warehouse'] },
  { username: 'viewer', displayName: '陈查看', roles: ['viewer'] },
];

/**
 * `--demo` only: an empty data folder gets the demo site and one account per role, all with one
 * random password printed for this launch. There is still no default password anywhere.
 */
export function seedDemo(
  db: Db,
  now: () => Date = () => new Date(),
): { password: string; usernames: string[] } | null {
  if (countUsers(db) > 0) return null;
  const ctx: ServiceContext = { db, now };
  const password = randomBytes(9).toString('base64url');
  db.transaction(() => {
    db.prepare('DELETE FROM audit_pending').run();
    const sites = db.prepare('SELECT count(*) AS n FROM sites').get() as { n: number };
    if (sites.n === 0) loadDemo(ctx);
    for (const user of DEMO_USERS) createUser(ctx, { ...user, password });
    drainCapturedChanges(db, { at: now().toISOString(), actor: null, method: 'demo.seed' });
  }).immediate();
  return { password, usernames: DEMO_USERS.map((u) => u.username) };
}
