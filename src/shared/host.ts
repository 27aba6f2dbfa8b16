/** Host mode: this PC serves the desk over HTTPS to the other PCs of the site office. */
export interface HostSettings {
  enabled: boolean;
  /** One of this PC's IPv4 addresses, or '' for all of them. */
  address: string;
  port: number;
  /** Extra names the other PCs may type instead of an address (the PC's name). */
  names: string[];
}

export const DEFAULT_HOST_PORT = 8443;

/** What anyone may know, the sign-in page included: whether it runs and its certificate. */
export interface HostStatus {
  running: boolean;
  /** The addresses to type on the other PCs (`https://192.168.1.20:8443`). */
  urls: string[];
  /** SHA-256 of the certificate, colon hex as browsers show it; null before one exists. */
  fingerprint: string | null;
}

/** The administrator's view: the settings, the addresses that may be chosen, and what runs. */
export interface HostOverview {
  settings: HostSettings;
  addresses: string[];
  status: HostStatus;
  /** Why the listener is not running although it is turned on (port taken, address gone). */
  problem: string | null;
}

/** `AA:BB:…` in groups of four bytes, so a person can compare it piece by piece. */
export function fingerprintGroups(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(':'));
  return groups;
}
