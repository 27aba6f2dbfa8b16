/**
 * What the Electron menu asks the page to do. The page does each itself (the print preview's own
 * button, the page's export, the backup call through the router, its dialogs), so permission and
 * audit stay where they are; the browser shell has no menu and reaches the same commands from
 * keys and from the app bar's help menu.
 */
export const DESK_COMMANDS = ['print', 'export', 'backup', 'shortcuts', 'about'] as const;
export type DeskCommand = (typeof DESK_COMMANDS)[number];

export const isDeskCommand = (value: unknown): value is DeskCommand =>
  typeof value === 'string' && (DESK_COMMANDS as readonly string[]).includes(value);
