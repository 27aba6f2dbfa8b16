// Types of open-address.mjs for its unit test.
export const NO_OPEN_FLAG: '--no-open';
export function reasonNotToOpen(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  outputIsTerminal: boolean,
): string | null;
export function openCommand(
  platform: NodeJS.Platform,
  url: string,
): { command: string; args: string[]; verbatim: boolean };
export function openInBrowser(url: string, platform?: NodeJS.Platform): void;
