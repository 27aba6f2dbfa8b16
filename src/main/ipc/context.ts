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
  /**
   * The data folder is write-protected and the database is a temporary copy: the router refuses
   * every write as READ_ONLY except the session's own (sign-in, lock), which only touch the copy.
   */
  readOnly?: boolean;
}

/**
 * What the shell can do for the window that called: Electron prints that window to PDF; the
 * browser shell cannot (there the page's own print dialog offers "Save as PDF").
 */
export interface CallerPlatform {
  printToPdf?: () => Promise<Buffer>;
}

export interface HandlerContext extends ServiceContext, AppFacts {
  platform: CallerPlatform;
  actor: Actor | null;
  session: SessionControl;
  unknownNames: UnknownNameMemory;
}
