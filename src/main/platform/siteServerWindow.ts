import { BrowserWindow, session } from 'electron';
import { certificateMatchesPin } from './certificatePin';
import type { SiteServer } from './siteServer';
import { siteWindowOptions } from './windowOptions';

const PARTITION = 'site-server';

/** Chromium's verdicts for setCertificateVerifyProc. */
const ACCEPT = 0;
const REJECT = -2;
const CHROMIUM_DECIDES = -3;

/**
 * A window on another PC's site server: no preload (the page's own shim calls the host over
 * HTTPS), its own session, and the host's certificate accepted only if it is the pinned one.
 * The shell keeps navigation to that origin (siteNavigationAllowed).
 */
export function openSiteServerWindow(site: SiteServer): BrowserWindow {
  const partition = session.fromPartition(PARTITION);
  const { hostname } = new URL(site.origin);
  partition.setCertificateVerifyProc((request, callback) => {
    if (request.hostname !== hostname) return callback(CHROMIUM_DECIDES);
    callback(certificateMatchesPin(request.certificate, site.fingerprint) ? ACCEPT : REJECT);
  });
  partition.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  partition.setPermissionCheckHandler(() => false);
  // No preload: nothing of this app's IPC reaches a page served by another PC.
  const window = new BrowserWindow(siteWindowOptions(site.origin, PARTITION));
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${site.origin}/`);
  return window;
}
