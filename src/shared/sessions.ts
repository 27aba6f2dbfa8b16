/** A signed-in device as the administrator's list shows it (`sessions.list`). */
export interface DeviceSession {
  /** The session's id: the SHA-256 of its token (the token itself is kept nowhere). */
  id: string;
  userId: number;
  username: string;
  displayName: string;
  /** The remote address, 127.0.0.1 for the loopback listener, 'local' for a desktop window. */
  address: string;
  /** A readable browser and system ("Chrome 131 / Windows"), null when the agent says nothing known. */
  browser: string | null;
  /** The User-Agent as received (trimmed to 256 characters), for the curious. */
  userAgent: string;
  /** 本机 (this PC) or 局域网 (another PC through host mode). */
  via: 'local' | 'host';
  startedAt: string;
  lastActiveAt: string;
  /** Locked by hand or by the idle limit: the next call asks for the password. */
  locked: boolean;
  /** The administrator's own session: marked, and not ended from the list. */
  current: boolean;
}

/** Browsers in the order they must be tried: Edge and others also say "Chrome", Chrome says "Safari". */
const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Electron', /\bElectron\/(\d+)/],
  ['WeChat', /\bMicroMessenger\/(\d+)/],
  ['QQ Browser', /\bM?QQBrowser\/(\d+)/],
  ['UC Browser', /\bUCBrowser\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: readonly [name: string, pattern: RegExp][] = [
  ['HarmonyOS', /\b(?:HarmonyOS|OpenHarmony)\b/],
  ['Android', /\bAndroid\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Windows 7', /\bWindows NT 6\.1\b/],
  ['Windows 8.1', /\bWindows NT 6\.3\b/],
  // Windows 11 says "10.0" too.
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Linux', /\bLinux\b/],
];

/**
 * "Chrome 131 / Windows" from a User-Agent header: the browser and its major version, and the
 * system, as far as the header tells; null when it names nothing known.
 */
export function describeUserAgent(userAgent: string): string | null {
  let browser: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? null;
  if (browser && system) return `${browser} / ${system}`;
  return browser ?? system;
}
