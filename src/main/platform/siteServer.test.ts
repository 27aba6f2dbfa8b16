import { describe, expect, it } from 'vitest';
import { readShellCommandLine } from './shellFlags';
import { siteNavigationAllowed, siteServerOption } from './siteServer';

const PIN = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase()).join(':');

describe('--connect and --fingerprint', () => {
  it('is absent unless asked for', () => {
    expect(siteServerOption(['electron', '.'])).toBeNull();
  });

  it('takes an https origin and a full fingerprint', () => {
    expect(
      siteServerOption(['--connect', 'https://192.168.1.20:8443/some/page', '--fingerprint', PIN]),
    ).toEqual({ origin: 'https://192.168.1.20:8443', fingerprint: PIN });
  });

  it.each([
    ['http://192.168.1.20:8443', PIN],
    ['https://user:pw@192.168.1.20:8443', PIN],
    ['192.168.1.20:8443', PIN],
    ['https://192.168.1.20:8443', PIN.slice(0, 20)],
    ['https://192.168.1.20:8443', ''],
  ])('refuses %s with fingerprint %j', (address, fingerprint) => {
    expect(() => siteServerOption(['--connect', address, '--fingerprint', fingerprint])).toThrow();
  });

  it('says what is wrong in Chinese and English, and the flag table refuses it before any window', () => {
    expect(() => siteServerOption(['--connect', 'http://192.168.1.20:8443'])).toThrow(
      /^--connect 只接受 https:\/\/ 地址，而不是 http:\/\/192\.168\.1\.20:8443\n--connect takes an https:\/\/ address/,
    );
    const refused = readShellCommandLine(
      [
        'Isolation Site Desk.exe',
        '--connect',
        'https://192.168.1.20:8443',
        '--fingerprint',
        'AB:CD',
      ],
      false,
    );
    expect(refused).toMatchObject({
      kind: 'refused',
      message: /^--fingerprint 应为站点服务器设置页上显示的 SHA-256 指纹/,
    });
    const taken = readShellCommandLine(
      ['Isolation Site Desk.exe', '--connect', 'https://192.168.1.20:8443', '--fingerprint', PIN],
      false,
    );
    expect(taken.kind).toBe('run');
  });

  it('keeps the window on the site’s own origin, main frame only', () => {
    const site = { origin: 'https://192.168.1.20:8443', fingerprint: PIN };
    expect(siteNavigationAllowed(site, 'https://192.168.1.20:8443/#/residents', true)).toBe(true);
    expect(siteNavigationAllowed(site, 'https://192.168.1.20:8443/', false)).toBe(false);
    expect(siteNavigationAllowed(site, 'https://192.168.1.21:8443/', true)).toBe(false);
    expect(siteNavigationAllowed(site, 'http://192.168.1.20:8443/', true)).toBe(false);
    expect(siteNavigationAllowed(site, 'not a url', true)).toBe(false);
  });
});
