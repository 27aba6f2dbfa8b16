import { useCallback, useRef, useState } from 'react';
import type { ConflictCurrent } from '@shared/errors';
import { ApiCallError } from '@renderer/api/client';

/** The record another desk saved, when a write was refused as based on an older version. */
export function conflictOf<R>(error: unknown): ConflictCurrent<R> | null {
  if (!(error instanceof ApiCallError) || error.error.code !== 'CONFLICT') return null;
  const { current } = error.error as { current?: ConflictCurrent };
  return current ? (current as ConflictCurrent<R>) : null;
}

export interface Conflict<R, M> {
  current: ConflictCurrent<R>;
  /** What this desk tried to save. */
  mine: M;
}

/**
 * Writes of a form that edits an existing record: each names the version the form was based on.
 * When main refuses one as CONFLICT (another desk saved the record since), the refusal still
 * reaches the caller (its message shows as any other), and `conflict` holds their record and
 * what was typed here, for ConflictDialog: `takeTheirs` adopts their version and hands their
 * record back to load into the form; `keepMine` sends what was typed again, on their version.
 */
export function useVersionedWrite<R, M>(basedOn: number) {
  const [version, setVersion] = useState(basedOn);
  const [conflict, setConflict] = useState<Conflict<R, M> | null>(null);
  const last = useRef<((mine: M, expectedVersion: number) => Promise<unknown>) | null>(null);

  const write = useCallback(
    async <T>(mine: M, send: (mine: M, expectedVersion: number) => Promise<T>): Promise<T> => {
      last.current = send;
      try {
        return await send(mine, version);
      } catch (error) {
        const current = conflictOf<R>(error);
        if (current) setConflict({ current, mine });
        throw error;
      }
    },
    [version],
  );

  const takeTheirs = useCallback((): R | null => {
    if (!conflict) return null;
    setVersion(conflict.current.version);
    setConflict(null);
    return conflict.current.record;
  }, [conflict]);

  const keepMine = useCallback(async (): Promise<unknown> => {
    if (!conflict || !last.current) return undefined;
    const { current, mine } = conflict;
    setVersion(current.version);
    setConflict(null);
    const send = last.current;
    try {
      return await send(mine, current.version);
    } catch (error) {
      const again = conflictOf<R>(error);
      if (again) setConflict({ current: again, mine });
      throw error;
    }
  }, [conflict]);

  return { version, conflict, write, takeTheirs, keepMine };
}
