import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_CHANNEL, IPC_CHANNEL } from '../shared/contract';
import { LIVE_CHANNEL } from '../shared/live';
import type { Language, Settings } from '../shared/domain';
import { startCore, type Core } from './app';
import { memoryHandle, type SessionHandle } from './accounts/sessionStore';
import { DatabaseTooNewError } from './db/migrate';
import { hostListenerFor } from './browser/hostServer';
import type { Logger } from './ipc/router';
import { registerAppScheme, serveRenderer } from './platform/appProtocol';
import { resolveDataDir } from './platform/dataDir';
import { createFileLogger } from './platform/logger';
import { systemKeyProtection } from './platform/keyProtection';
import { buildAppMenu } from './platform/menu';
import type { MenuActions } from './platform/menuTemplate';
import { packagedSqliteBinding } from './platform/nativeModule';
import { saveDialogFor } from './platform/saveDialog';
import { answerCommandLine } from './platform/answerCommandLine';
import { argsOf } from './platform/commandLine';
import { readShellCommandLine, shellFlags } from './platform/shellFlags';
import { siteNavigationAllowed, siteServerOption, type SiteServer } from './platform/siteServer';
import { openSiteServerWindow } from './platform/siteServerWindow';
import {
  APP_ORIGIN,
  isAppUrl,
  mainWindowOptions,
  navigationAllowed,
} from './platform/windowOptions';
import { fitToDisplays, nextZoomLevel } from './platform/windowState';
import { readWindowState, writeWindowState } from './platform/windowStateFile';

// The Electron shell: lifecycle, window, menu and wiring. Every rule lives in the core.

// `--help` and unknown flags are answered before anything is opened (see the end of this file).
const commandLine = readShellCommandLine(process.argv, Boolean(process.defaultApp));
// The app's own flags only, as parsed: a Chromium switch before the app folder counts for nothing.
const appArgs = commandLine.kind === 'run' ? argsOf(commandLine.flags) : [];
// DevTools and Reload only when asked for (`npm run dev` passes --dev), never by default.
const flags = shellFlags(appArgs);
const dataDir = resolveDataDir(appArgs, process.env, app.getPath('userData'));
app.setPath('userData', dataDir);

/**
 * better-sqlite3 built for Electron's ABI: made by scripts/start.mjs (named in the environment), or
 * shipped with the installed app. An installed app loads only its own: no environment variable
 * chooses a native library for it (as its fuses refuse NODE_OPTIONS).
 */
function electronNativeBinding(): string | undefined {
  const candidate = app.isPackaged
    ? packagedSqliteBinding(process.resourcesPath)
    : process.env.ISD_SQLITE_NATIVE_BINDING;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

// `--connect https://addr:port --fingerprint …`: a desk of another PC's site server, no core here.
let site: SiteServer | null = null;
let siteError: string | null = null;
try {
  site = siteServerOption(appArgs);
} catch (error) {
  siteError = error instanceof Error ? error.message : String(error);
}

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
// Made at start: creating it makes the logs folder, which `--help` must not.
let logger: Logger | undefined;

/** Where, how large and how zoomed the window is, kept in the data folder for the next start. */
function saveWindowState(window: BrowserWindow): void {
  try {
    const bounds = window.getNormalBounds();
    writeWindowState(dataDir, {
      ...bounds,
      maximized: window.isMaximized(),
      zoomLevel: window.webContents.getZoomLevel(),
    });
  } catch (error) {
    logger?.error('The window state could not be saved', error);
  }
}

/** The menu's own items: page commands go to the page, zoom is set (and kept) here. */
const menuActions: MenuActions = {
  command: (command) => mainWindow?.webContents.send(COMMAND_CHANNEL, command),
  zoom: (step) => {
    if (!mainWindow) return;
    const contents = mainWindow.webContents;
    contents.setZoomLevel(nextZoomLevel(contents.getZoomLevel(), step));
    saveWindowState(mainWindow);
  },
};

function createWindow(): BrowserWindow {
  // Restored before the window shows; a place on a monitor that is gone is dropped.
  const state = fitToDisplays(
    readWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(
    mainWindowOptions(
      join(__dirname, '../preload/index.js'),
      join(__dirname, '../../resources/icon.png'),
      flags,
      state,
    ),
  );
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => saveWindowState(window));
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  const fileLogger = createFileLogger(dataDir);
  logger = fileLogger;
  try {
    core = await startCore({
      dataDir,
      shell: 'electron',
      logger: fileLogger,
      nativeBinding: electronNativeBinding(),
      keyProtection: systemKeyProtection(),
      hostListener: hostListenerFor(join(__dirname, '../renderer')),
    });
  } catch (error) {
    const message =
      error instanceof DatabaseTooNewError
        ? error.message
        : `The data file could not be opened: ${String(error)}`;
    fileLogger.error('Startup failed', error);
    dialog.showErrorBox('隔离点协调台 Isolation Site Desk', message);
    app.exit(1);
    return;
  }
  // The desk needs no camera, microphone, location or notifications: refuse every request.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  const router = core.router;
  let language: Language = 'zh-CN';
  // An export arrives as a download named by main (物资报表_2026-11-29.xlsx): offer that name.
  session.defaultSession.on('will-download', (_event, item) =>
    item.setSaveDialogOptions(
      saveDialogFor(item.getFilename(), app.getPath('documents'), language),
    ),
  );
  // One session per window, held here in main; the renderer never sees the token.
  const sessionOf = new Map<number, SessionHandle>();
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown, options: unknown) => {
    // Only the app's own page may call in: not a navigated-away frame, not a subframe.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url) || event.senderFrame.parent) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Caller not allowed' } };
    }
    const id = event.sender.id;
    if (!sessionOf.has(id)) {
      sessionOf.set(
        id,
        memoryHandle(null, {
          address: 'local',
          userAgent: event.sender.getUserAgent(),
          via: 'local',
        }),
      );
      event.sender.once('destroyed', () => sessionOf.delete(id));
    }
    const result = await router.invoke(
      method,
      input,
      sessionOf.get(id)!,
      {
        // What is on paper (print CSS): the print preview's document alone, on A4.
        printToPdf: () =>
          event.sender.printToPDF({
            pageSize: 'A4',
            preferCSSPageSize: true,
            printBackground: true,
          }),
      },
      options,
    );
    if (result.ok && method === 'settings.setLanguage') {
      language = (result.value as Settings).language;
      Menu.setApplicationMenu(buildAppMenu(language, flags, menuActions));
    }
    return result;
  });
  const settings = await router.invoke('settings.get', {}, memoryHandle());
  if (settings.ok) language = (settings.value as Settings).language;
  Menu.setApplicationMenu(buildAppMenu(language, flags, menuActions));
  // Every window hears each committed write (ids only), wherever it was made.
  core.changes.subscribe((notice) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(LIVE_CHANNEL, { type: 'notice', notice });
  });
  serveRenderer(join(__dirname, '../renderer'));
  mainWindow = createWindow();
}

function connect(): void {
  if (siteError !== null || site === null) {
    dialog.showErrorBox('隔离点协调台 Isolation Site Desk', siteError ?? '--connect');
    app.exit(2);
    return;
  }
  mainWindow = openSiteServerWindow(site);
}

if (commandLine.kind !== 'run') {
  answerCommandLine(commandLine);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Every way of leaving the app's pages: a link or script, a server redirect, a frame.
    const guard = (event: { url: string; isMainFrame: boolean; preventDefault(): void }) => {
      const allowed = site
        ? siteNavigationAllowed(site, event.url, event.isMainFrame)
        : navigationAllowed(event.url, event.isMainFrame);
      if (!allowed) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', guard);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  void app.whenReady().then(site || siteError ? connect : start);
}
