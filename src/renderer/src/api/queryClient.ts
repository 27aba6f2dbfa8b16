import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one cache of answers from main. Retries belong to `retry.ts` (same operation id,
 * only for retryable codes), so the cache never retries on its own; answers go stale at once so a
 * screen that mounts asks again, as it did before the cache, while the old answer stays on screen.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, staleTime: 0, refetchOnWindowFocus: false },
  },
});

/** The answers the app shell itself needs before anyone signs in. */
const SHELL_METHODS = new Set(['app.info', 'settings.get', 'auth.status']);

/**
 * Drops every cached answer but the shell's, once nobody is signed in (signed out or locked): the
 * next user must never see the last one's data, not even for the moment a refetch takes.
 */
export function forgetSignedInAnswers(): void {
  queryClient.removeQueries({
    predicate: (query) => !SHELL_METHODS.has(String(query.queryKey[0])),
  });
}
