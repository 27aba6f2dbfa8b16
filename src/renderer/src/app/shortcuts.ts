import type { DeskCommand } from '@shared/deskCommands';

/** What a key press or a menu command asks of the page. */
export type DeskAction =
  | { kind: 'command'; command: DeskCommand }
  | { kind: 'search' }
  /** The n-th section of the menu on the left, from 0. */
  | { kind: 'section'; index: number };

/** The parts of a KeyboardEvent a shortcut is read from. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

/** How many sections Alt+digit reaches (Alt+1 … Alt+8). */
export const SECTION_KEYS = 8;

/**
 * The desk's own keys, the same in both shells: Ctrl+P print, Ctrl+F search, Alt+1…8 sections,
 * F1 the list of shortcuts (Esc is the dialogs' own). Cmd counts as Ctrl on a Mac. Alt+digit is
 * read from the key's place (`code`), so a layout that types another character still works.
 */
export function actionForKey(press: KeyPress): DeskAction | null {
  const ctrl = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (ctrl && !press.altKey && !press.shiftKey) {
    if (key === 'p') return { kind: 'command', command: 'print' };
    if (key === 'f') return { kind: 'search' };
    return null;
  }
  if (press.altKey && !ctrl && !press.shiftKey) {
    const digit = /^Digit([1-9])$/.exec(press.code);
    const n = digit ? Number(digit[1]) : 0;
    return n >= 1 && n <= SECTION_KEYS ? { kind: 'section', index: n - 1 } : null;
  }
  if (press.key === 'F1' && !ctrl && !press.altKey && !press.shiftKey) {
    return { kind: 'command', command: 'shortcuts' };
  }
  return null;
}

/** The list under 帮助 → 快捷键: the keys as printed, and the catalogue key of what they do. */
export const SHORTCUT_LIST = [
  { keys: 'Ctrl+P', does: 'print' },
  { keys: 'Ctrl+F', does: 'search' },
  { keys: 'Alt+1 … Alt+8', does: 'sections' },
  { keys: 'Esc', does: 'close' },
  { keys: 'F1', does: 'help' },
  { keys: 'Ctrl+= / Ctrl+- / Ctrl+0', does: 'zoom' },
] as const;
