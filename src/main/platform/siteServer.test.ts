import { describe, expect, it } from 'vitest';
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

  it('keeps the window on the site’s own origin, main frame only', () => {
    const site = { origin: 'https://192.168.1.20:8443', fingerprint: PIN };
    expect(siteNavigationAllowed(site, 'https://192.168.1.20:8443/#/residents', true)).toBe(true);
    expect(siteNavigationAllowed(site, 'https://192.168.1.20:8443/', false)).toBe(false);
    expect(siteNavigationAllowed(site, 'https://192.168.1.21:8443/', true)).toBe(false);
    expect(siteNavigationAllowed(site, 'http://192.168.1.20:8443/', true)).toBe(false);
    expect(siteNavigationAllowed(site, 'not a url', true)).toBe(false);
  });
});
