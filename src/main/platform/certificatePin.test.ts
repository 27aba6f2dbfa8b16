import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../host/certificate';
import { certificateMatchesPin } from './certificatePin';

const make = (name: string) =>
  generate([{ name: 'commonName', value: name }], { keyType: 'ec', algorithm: 'sha256' });

describe('certificateMatchesPin', () => {
  let host: { cert: string };
  let other: { cert: string };
  let pin: string;
  beforeAll(async () => {
    [host, other] = await Promise.all([make('desk host'), make('desk host')]);
    pin = fingerprintOf(host.cert);
  });

  it('matches the pinned certificate', () => {
    expect(pin).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificateMatchesPin({ data: host.cert }, pin)).toBe(true);
  });

  it('refuses another certificate, even one with the same name', () => {
    expect(certificateMatchesPin({ data: other.cert }, pin)).toBe(false);
  });

  it('ignores case and separators in the pin as typed', () => {
    const bare = pin.replace(/:/g, '');
    expect(certificateMatchesPin({ data: host.cert }, bare.toLowerCase())).toBe(true);
    expect(certificateMatchesPin({ data: host.cert }, pin.toLowerCase().replace(/:/g, ' '))).toBe(
      true,
    );
  });

  it('refuses a shortened pin, an empty one and an unreadable certificate', () => {
    expect(certificateMatchesPin({ data: host.cert }, pin.slice(0, 47))).toBe(false);
    expect(certificateMatchesPin({ data: host.cert }, '')).toBe(false);
    expect(certificateMatchesPin({ data: 'not a certificate' }, pin)).toBe(false);
  });
});
