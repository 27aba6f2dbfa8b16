import { argValue } from '../browser/shutdown';

/** `--connect https://addr:port --fingerprint AA:BB:…`: this PC is a desk of another PC's site. */
export interface SiteServer {
  origin: string;
  fingerprint: string;
}

/**
 * The site server asked for on the command line, or null when none was. Only an https origin
 * (no path, no credentials) and a full SHA-256 fingerprint are taken: anything else is an error
 * the shell shows, rather than a window that silently trusts something else.
 */
export function siteServerOption(argv: readonly string[]): SiteServer | null {
  const connect = argValue(argv, '--connect');
  if (connect === undefined) return null;
  const fingerprint = argValue(argv, '--fingerprint') ?? '';
  let url: URL;
  try {
    url = new URL(connect);
  } catch {
    throw new Error(`--connect takes an address like https://192.168.1.20:8443, not ${connect}`);
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    throw new Error(`--connect takes an https:// address, not ${connect}`);
  }
  if (fingerprint.replace(/[^0-9a-fA-F]/g, '').length !== 64) {
    throw new Error(
      '--fingerprint takes the SHA-256 fingerprint shown on the host (64 hex digits)',
    );
  }
  return { origin: url.origin, fingerprint };
}

/** Whether the site window may go to `url`: its own origin only, in its main frame. */
export function siteNavigationAllowed(
  site: SiteServer,
  url: string,
  isMainFrame: boolean,
): boolean {
  try {
    return isMainFrame && new URL(url).origin === site.origin;
  } catch {
    return false;
  }
}
