/** What the Electron shell allows beyond the defaults, decided once from its command line. */
export interface ShellFlags {
  /** `--dev`: DevTools and Reload (menu items, shortcuts and the DevTools themselves). */
  dev: boolean;
}

export function shellFlags(argv: readonly string[]): ShellFlags {
  return { dev: argv.includes('--dev') };
}
