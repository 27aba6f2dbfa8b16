import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { shellFlags } from './shellFlags';
import {
  APP_ORIGIN,
  isAppUrl,
  mainWindowOptions,
  navigationAllowed,
  siteWindowOptions,
} from './windowOptions';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/p/preload.js');
  const prefs = options.webPreferences ?? {};

  it('loads in plain Node: electron is imported for its types only', () => {
    expect(typeof mainWindowOptions).toBe('function');
    expect(options.webPreferences).toBeDefined();
  });

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    // Each one explicitly, not left to Electron's defaults.
    for (const key of [
      'contextIsolation',
      'sandbox',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'webviewTag',
    ]) {
      expect(Object.hasOwn(prefs, key), key).toBe(true);
    }
  });

  it('enables no Blink features and no other escape hatches', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('disableBlinkFeatures');
    expect(prefs.navigateOnDragDrop).not.toBe(true);
  });

  it('uses the preload path as given', () => {
    expect(prefs.preload).toBe('/p/preload.js');
    expect(mainWindowOptions('C:\\app\\preload.js').webPreferences?.preload).toBe(
      'C:\\app\\preload.js',
    );
  });

  it('sets the icon only when one is given', () => {
    expect(options).not.toHaveProperty('icon');
    expect(mainWindowOptions('/p/preload.js', '/p/icon.png').icon).toBe('/p/icon.png');
  });

  it('opens where and as large as the window was left, zoomed as it was', () => {
    expect(options).toMatchObject({ width: 1440, height: 900 });
    expect(options).not.toHaveProperty('x');
    expect(prefs.zoomFactor).toBe(1);
    const left = { x: 1930, y: 20, width: 1200, height: 800, maximized: false, zoomLevel: 1 };
    const restored = mainWindowOptions('/p/preload.js', undefined, { dev: false }, left);
    expect(restored).toMatchObject({ x: 1930, y: 20, width: 1200, height: 800 });
    expect(restored.webPreferences?.zoomFactor).toBeCloseTo(1.2);
  });

  it('returns a fresh object each time', () => {
    const a = mainWindowOptions('/a.js');
    const b = mainWindowOptions('/b.js');
    expect(a.webPreferences).not.toBe(b.webPreferences);
    expect(a.webPreferences?.preload).toBe('/a.js');
  });
});

describe('isAppUrl', () => {
  it.each(['app://desk/index.html', 'app://desk/', `${APP_ORIGIN}/assets/app.js`])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://desk.evil/x',
    'app://evil/desk',
    'app://desk:8080/x',
    'app://user@evil/x',
    'https://desk/',
    'http://desk/index.html',
    'file:///index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'apps://desk/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values] as const),
  );

  it("denies by default and takes scripts from 'self' only", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.has('script-src-elem')).toBe(false);
    expect(directives.has('script-src-attr')).toBe(false);
  });

  it('cannot be framed and loads nothing from other hosts', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(value, `${name} ${value}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
      }
    }
  });
});

describe('DevTools only with --dev', () => {
  it('reads the flag from the command line, off unless given', () => {
    expect(shellFlags(['/x/electron', '/app'])).toEqual({ dev: false });
    expect(shellFlags(['/x/electron', '/app', '--data-dir', '/d', '--dev'])).toEqual({ dev: true });
    expect(shellFlags(['/x/electron', '/app', '--data-dir', '--dev-tools'])).toEqual({
      dev: false,
    });
  });

  it('turns the DevTools themselves off in the window without it', () => {
    expect(mainWindowOptions('/p.js').webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', undefined, { dev: false }).webPreferences?.devTools).toBe(
      false,
    );
    expect(mainWindowOptions('/p.js', undefined, { dev: true }).webPreferences?.devTools).toBe(
      true,
    );
  });
});

describe('navigationAllowed (will-navigate, will-redirect, will-frame-navigate)', () => {
  it('lets the main frame move between the app’s own pages', () => {
    expect(navigationAllowed('app://desk/index.html', true)).toBe(true);
    expect(navigationAllowed('app://desk/index.html#/rooms', true)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://desk.evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
  ])('refuses the main frame going to %s', (url) => {
    expect(navigationAllowed(url, true)).toBe(false);
  });

  it('refuses any frame navigating, even to an app page (the app has no frames)', () => {
    expect(navigationAllowed('app://desk/index.html', false)).toBe(false);
    expect(navigationAllowed('https://evil.example/', false)).toBe(false);
  });
});

describe('siteWindowOptions', () => {
  it('is the same locked-down window with no preload and a session of its own', () => {
    const site = siteWindowOptions('https://192.168.1.20:8443', 'site-server');
    expect(site.webPreferences).not.toHaveProperty('preload');
    const { preload, ...locked } = mainWindowOptions('/p.js').webPreferences ?? {};
    expect(preload).toBe('/p.js');
    expect(site.webPreferences).toEqual({ ...locked, partition: 'site-server' });
    expect(site.title).toContain('https://192.168.1.20:8443');
  });
});
