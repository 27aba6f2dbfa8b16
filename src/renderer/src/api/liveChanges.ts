import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DeskApi } from '@shared/api';
import type { LiveEvent } from '@shared/live';
import { AUTH_CHANGED_EVENT } from './client';
import { connection as windowConnection, type Connection } from './connection';
import { refetchStaleAfter } from './domains';
import { ownWrites, type OwnWrites } from './ownWrites';
import { queryClient } from './queryClient';
import { isMethodName } from './writeMethods';

/**
 * Listens to the desk's change notices and refetches exactly the cached queries a notice's write
 * makes stale (the same rule as a write made in this window). A restart of the desk (a new
 * instance id), a notice missed (a gap in seq) or the connection coming back after a loss may
 * hide any change: then everything is refetched. A notice of this window's own write is passed
 * over: that write's answer refreshed the same queries (client.ts).
 */
export function startLiveChanges(
  api: DeskApi,
  client: QueryClient,
  connection: Connection = windowConnection,
  own: OwnWrites = ownWrites,
): () => void {
  if (!api.subscribe) return () => undefined;
  let instance: string | null = null;
  let lastSeq: number | null = null;
  let wasOnline = connection.snapshot().online;

  const refetchEverything = () => void client.invalidateQueries();
  const stopWatching = connection.subscribe(() => {
    const { online } = connection.snapshot();
    // Reads that failed while the server was away ask again.
    if (online && !wasOnline) refetchEverything();
    wasOnline = online;
  });

  const stopListening = api.subscribe((event: LiveEvent) => {
    switch (event.type) {
      case 'hello':
        if (instance !== null && (event.instance !== instance || event.seq !== lastSeq))
          refetchEverything();
        instance = event.instance;
        lastSeq = event.seq;
        return;
      case 'notice': {
        const { notice } = event;
        const missed = lastSeq !== null && notice.seq !== lastSeq + 1;
        lastSeq = notice.seq;
        const mine = own.claim(notice.origin);
        if (missed || !isMethodName(notice.method)) return refetchEverything();
        if (mine) return;
        void refetchStaleAfter(client, notice.method);
        return;
      }
      case 'status':
        if (event.status === 'offline') connection.lost();
        else connection.reached();
        // The server no longer knows this window's session: the app shows the sign-in screen.
        if (event.status === 'signedOut') window.dispatchEvent(new Event(AUTH_CHANGED_EVENT));
        return;
    }
  });
  return () => {
    stopListening();
    stopWatching();
  };
}

/** Subscribes once while someone is signed in; the stream closes on sign-out. */
export function useLiveChanges(signedIn: boolean): void {
  useEffect(() => (signedIn ? startLiveChanges(window.api, queryClient) : undefined), [signedIn]);
}
