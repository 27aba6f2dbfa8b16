import { networkInterfaces } from 'node:os';

/**
 * Tests may add loopback addresses (`ISD_HOST_TEST_ADDRESSES=127.0.0.2`) so that host mode can be
 * tried without listening on the office network; anything that is not loopback is ignored.
 */
export const TEST_ADDRESSES_VARIABLE = 'ISD_HOST_TEST_ADDRESSES';

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** This PC's IPv4 addresses on its networks: what another PC of the office can reach. */
export function hostAddresses(env: NodeJS.ProcessEnv = process.env): string[] {
  const found = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  const forTests = (env[TEST_ADDRESSES_VARIABLE] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => LOOPBACK_V4.test(a));
  return [...new Set([...found, ...forTests])];
}

/** The Host header values a page may arrive under: each address or name with the port. */
export function admittedHosts(
  settings: { address: string; port: number; names: string[] },
  addresses: readonly string[],
): string[] {
  const where = settings.address === '' ? addresses : [settings.address];
  return [...where, ...settings.names].map((h) => `${h}:${settings.port}`);
}
