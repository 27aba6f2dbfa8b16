import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_ORIGIN, isAppUrl, mainWindowOptions } from './windowOptions';

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
