import { createContext, useContext } from 'react';
import type { AuthStatus } from '@shared/accounts';
import type { Permission } from '@shared/permissions';

export interface AuthContextValue {
  status: AuthStatus;
  refresh: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

/** The signed-in user's permissions, for hiding what they cannot use (main enforces anyway). */
export function useCan(): (permission: Permission) => boolean {
  const auth = useContext(AuthContext);
  const held = new Set(auth?.status.user?.permissions ?? []);
  return (permission) => held.has(permission);
}

export function useAuth(): AuthContextValue {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}
