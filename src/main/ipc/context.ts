import type { AppInfo } from '../../shared/domain';
import type { Role } from '../../shared/permissions';
import type { AuthState } from '../../shared/accounts';
import type { UnknownNameMemory } from '../auth/sessionStore';
import type { ServiceContext } from '../services/context';

/** The signed-in user making this call, as main knows them now (not as the renderer says). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
}

/** What auth services may do to the caller's session. */
export interface SessionControl {
  state(): AuthState;
  start(userId: number): void;
  end(): void;
  lock(): void;
  unlock(): void;
}

export interface AppFacts {
  shell: AppInfo['shell'];
  version: string;
  dataDir: string;
}

export interface HandlerContext extends ServiceContext, AppFacts {
  actor: Actor | null;
  session: SessionControl;
  unknownNames: UnknownNameMemory;
}
