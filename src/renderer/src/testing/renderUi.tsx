import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { AuthStatus } from '@shared/accounts';
import { permissionsOf, type Role } from '@shared/permissions';
import { queryClient } from '@renderer/api/queryClient';
import { AuthContext } from '@renderer/auth/AuthContext';
import { NotifyProvider } from '@renderer/notify';

/** A signed-in user holding these roles, with the permissions main would give them. */
export function signedIn(roles: Role[]): AuthStatus {
  return {
    state: 'active',
    user: {
      id: 1,
      username: 'desk',
      displayName: 'Desk',
      roles,
      permissions: permissionsOf(roles),
    },
    idleLockMinutes: 15,
  };
}

/** Renders a screen inside the providers the app gives it: the one query cache, auth, notices. */
export function renderUi(ui: ReactElement, roles: Role[] = ['coordinator']): RenderResult {
  const auth = { status: signedIn(roles), refresh: () => undefined };
  // A wrapper (not a wrapped element), so `rerender` keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <AuthContext.Provider value={auth}>
        <NotifyProvider>{children}</NotifyProvider>
      </AuthContext.Provider>
    </QueryClientProvider>
  );
  return render(ui, { wrapper });
}
