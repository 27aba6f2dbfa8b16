import { useCallback, useState } from 'react';
import type { ConflictCurrent } from '@shared/errors';
import type { RosterGrid, RosterSlot } from '@shared/roster';
import { queryClient } from '@renderer/api/queryClient';
import { conflictOf } from '@renderer/components/useVersionedWrite';

/** A write on one slot: what it would leave there (in words) and how to send it on a version. */
export interface SlotWrite {
  yours: string;
  send: (expectedSlotVersion: number) => Promise<RosterGrid>;
}

export interface SlotConflict {
  current: ConflictCurrent<RosterSlot>;
  write: SlotWrite;
}

/** The grid with one slot as main now has it. */
export const withSlot = (grid: RosterGrid, slot: RosterSlot): RosterGrid => ({
  ...grid,
  slots: grid.slots.map((s) =>
    s.postId === slot.postId && s.templateId === slot.templateId && s.day === slot.day ? slot : s,
  ),
});

/**
 * Writes on a roster slot, each based on the slot version the grid showed. When main refuses one
 * because another desk changed the slot since (CONFLICT), the refusal still reaches the caller and
 * `conflict` holds the slot as it now is, for ConflictDialog: `takeTheirs` hands that slot back (and
 * marks the roster's reads stale, so the grid behind reloads too); `keepMine` sends the same write
 * again on the slot's new version. The slot's version moves with every write, so unlike
 * useVersionedWrite the version comes from the grid at each call, not from state kept here.
 */
export function useSlotWrite() {
  const [conflict, setConflict] = useState<SlotConflict | null>(null);

  const run = useCallback(async (write: SlotWrite, version: number): Promise<RosterGrid> => {
    try {
      return await write.send(version);
    } catch (error) {
      const current = conflictOf<RosterSlot>(error);
      if (current) setConflict({ current, write });
      throw error;
    }
  }, []);

  const takeTheirs = useCallback((): RosterSlot | null => {
    if (!conflict) return null;
    setConflict(null);
    void queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).startsWith('roster.'),
    });
    return conflict.current.record;
  }, [conflict]);

  const keepMine = useCallback(async (): Promise<RosterGrid | null> => {
    if (!conflict) return null;
    setConflict(null);
    return run(conflict.write, conflict.current.version);
  }, [conflict, run]);

  return { conflict, run, takeTheirs, keepMine };
}
