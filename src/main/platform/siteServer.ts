import { argValue } from '../browser/shutdown';
import { inBoth, type Said } from './commandLine';

/** `--connect https://addr:port --fingerprint AA:BB:…`: this PC is a desk of another PC's site. */
export interface SiteServer {
  origin: string;
  fingerprint: string;
}

/** Why `--connect`'s address is refused: only an https origin without credentials is taken. */
export function connectAddressProblem(connect: string): Said | null {
  let url: URL;
  try {
    url = new URL(connect);
  } catch {
    return {
      zh: `--connect 应为 https://192.168.1.20:8443 这样的地址，而不是 ${connect}`,
      en: `--connect takes an address like https://192.168.1.20:8443, not ${connect}`,
    };
  }
  return url.protocol !== 'https:' || url.username || url.password
    ? {
        zh: `--connect 只接受 https:// 地址，而不是 ${connect}`,
        en: `--connect takes an https:// address, not ${connect}`,
      }
    : null;
}

/** Why `--fingerprint` is refused: a whole SHA-256 (64 hex digits, separators allowed). */
export function fingerprintProblem(fingerprint: string): Said | null {
  return fingerprint.replace(/[^0-9a-fA-F]/g, '').length === 64
    ? null
    : {
        zh: '--fingerprint 应为站点服务器设置页上显示的 SHA-256 指纹（64 位十六进制数字）',
        en: '--fingerprint takes the SHA-256 fingerprint shown on the host (64 hex digits)',
      };
}

/**
 * The site server asked for on the command line, or null when none was. Only an https origin
 * (no path, no credentials) and a full SHA-256 fingerprint are taken: anything else is an error
 * the shell shows (in both languages), rather than a window that silently trusts something else.
 */
export function siteServerOption(argv: readonly string[]): SiteServer | null {
  const connect = argValue(argv, '--connect');
  if (connect === undefined) return null;
  const fingerprint = argValue(argv, '--fingerprint') ?? '';
  const problem = connectAddressProblem(connect) ?? fingerprintProblem(fingerprint);
  if (problem) throw new Error(inBoth(problem));
  return { origin: new URL(connect).origin, fingerprint };
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
