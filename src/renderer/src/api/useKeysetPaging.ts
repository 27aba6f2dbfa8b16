import { useState } from 'react';

interface Paging {
  key: string;
  page: number;
  cursors: Record<number, string>;
}

/**
 * Page numbers for a DataGrid over a keyset-paged method: the grid asks for page N, and we send
 * the cursor that ended page N-1 (remembered as pages are visited; the grid moves one page at a
 * time, so the cursor is always known). A new `filterKey` (filter, sort, page size) starts over.
 */
export function useKeysetPaging(filterKey: string): {
  page: number;
  cursor: string | undefined;
  /** Whether the cursor for this page is not known (the query should wait). */
  lost: boolean;
  goTo: (page: number, nextCursorOfShownPage: string | null | undefined) => void;
} {
  const [paging, setPaging] = useState<Paging>({ key: filterKey, page: 0, cursors: {} });
  const current = paging.key === filterKey ? paging : { key: filterKey, page: 0, cursors: {} };
  const cursor = current.page > 0 ? current.cursors[current.page] : undefined;
  return {
    page: current.page,
    cursor,
    lost: current.page > 0 && cursor === undefined,
    goTo: (page, next) => {
      const cursors =
        page === current.page + 1 && next ? { ...current.cursors, [page]: next } : current.cursors;
      setPaging({ key: filterKey, page, cursors });
    },
  };
}
