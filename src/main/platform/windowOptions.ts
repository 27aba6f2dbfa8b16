import type { BrowserWindowConstructorOptions } from 'electron';
import type { ShellFlags } from './shellFlags';
import { DEFAULT_WINDOW_STATE, MIN_WINDOW_SIZE, type WindowState } from './windowState';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Chromium's zoom factor for a zoom level (each level is 20 % larger). */
export const zoomFactorOf = (level: number): number => 1.2 ** level;

/**
 * The one window's options: the renderer gets no Node, runs sandboxed and isolated, and has
 * DevTools only with `--dev`; it opens where, as large and as zoomed as it was left (a state
 * already fitted to the screens there are now). A null preload (another PC's site server) exposes
 * no IPC at all.
 */
export function mainWindowOptions(
  preloadPath: string | null,
  iconPath?: string,
  flags: ShellFlags = { dev: false },
  state: WindowState = DEFAULT_WINDOW_STATE,
): BrowserWindowConstructorOptions {
  return {
    ...(iconPath ? { icon: iconPath } : {}),
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: '隔离点协调台 Isolation Site Desk',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      ...(preloadPath === null ? {} : { preload: preloadPath }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: flags.dev,
      zoomFactor: zoomFactorOf(state.zoomLevel),
    },
  };
}

/** A window on another PC's site server: the same locked-down window, no preload, its own session. */
export function siteWindowOptions(
  origin: string,
  partition: string,
): BrowserWindowConstructorOptions {
  const options = mainWindowOptions(null);
  return {
    ...options,
    title: `${options.title} — ${origin}`,
    webPreferences: { ...options.webPreferences, partition },
  };
}

/** True only for pages of the app itself (URL-parsed, so `app://desk.evil` does not pass). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Whether the window may go to `url` (will-navigate, will-redirect, will-frame-navigate): only to
 * the app's own pages, and only in its main frame; the app has no frames, so any frame navigating
 * is something injected.
 */
export function navigationAllowed(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(url);
}
