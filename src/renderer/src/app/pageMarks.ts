/**
 * Data attributes the shortcuts find things by, so a page says what its search field, its export
 * and its print button are without the shortcut module knowing the page.
 */
export const PAGE_MARKS = {
  search: 'data-desk-search',
  export: 'data-desk-export',
  print: 'data-desk-print',
} as const;

/** Spread onto an element (or a MUI `htmlInput` slot) to mark it. */
export const mark = (what: keyof typeof PAGE_MARKS) => ({ [PAGE_MARKS[what]]: '' });

/**
 * Where a shortcut acts: the topmost open dialog (a print preview, a stock card) if there is one,
 * else the page. MUI keeps each open dialog's root in <body>, the latest last.
 */
export function activeLayer(): ParentNode {
  const dialogs = document.querySelectorAll('.MuiDialog-root');
  return dialogs.length > 0 ? dialogs[dialogs.length - 1]! : document;
}

export const dialogOpen = (): boolean => activeLayer() !== document;

/** The first marked element in the active layer that is not disabled. */
export function markedIn<E extends HTMLElement>(what: keyof typeof PAGE_MARKS): E | null {
  const found = activeLayer().querySelectorAll<E>(`[${PAGE_MARKS[what]}]`);
  return Array.from(found).find((element) => !element.hasAttribute('disabled')) ?? null;
}
