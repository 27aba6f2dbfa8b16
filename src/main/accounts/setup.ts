import type { AuthStatus } from '../../shared/accounts';
import type { HandlerContext } from '../services/context';
import { authStatus } from './auth';
import { loadDemo } from './demo';
import { DomainError } from '../services/errors';
import { createSite } from '../registry/sites';
import { countUsers, createUser, loadActor } from './users';

export interface SetupInput {
  admin: { username: string; displayName: string; password: string };
  site: { kind: 'new'; name: string; address: string } | { kind: 'demo' };
}

/**
 * First run: the site and the first administrator together, then signed in. There is no default
 * account; once any account exists this is refused. The first administrator also coordinates, so
 * that one person can set the site up; roles can be split later.
 */
export function initialize(ctx: HandlerContext, input: SetupInput): AuthStatus {
  if (countUsers(ctx.db) > 0) throw new DomainError('ALREADY_SET_UP', 'The desk is already set up');
  const admin = createUser(ctx, { ...input.admin, roles: ['administrator', 'coordinator'] });
  if (input.site.kind === 'demo') loadDemo(ctx);
  else createSite(ctx, { name: input.site.name, address: input.site.address });
  ctx.session.start(admin.id);
  return authStatus({ ...ctx, actor: loadActor(ctx.db, admin.id) });
}
