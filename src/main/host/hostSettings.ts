import { DEFAULT_HOST_PORT, type HostSettings } from '../../shared/host';
import type { Db } from '../db/open';

const KEYS = {
  enabled: 'hostEnabled',
  address: 'hostAddress',
  port: 'hostPort',
  names: 'hostNames',
} as const;

export const DEFAULT_HOST_SETTINGS: HostSettings = {
  enabled: false,
  address: '',
  port: DEFAULT_HOST_PORT,
  names: [],
};

/** Kept in the settings table like every other setting; off unless an administrator turned it on. */
export function readHostSettings(db: Db): HostSettings {
  const rows = db
    .prepare<string[], { key: string; value: string }>(
      'SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)',
    )
    .all(...Object.values(KEYS));
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const port = Number(stored.get(KEYS.port));
  const names = stored.get(KEYS.names) ?? '';
  return {
    enabled: stored.get(KEYS.enabled) === 'true',
    address: stored.get(KEYS.address) ?? DEFAULT_HOST_SETTINGS.address,
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_HOST_SETTINGS.port,
    names: names ? names.split(',') : [],
  };
}

export function writeHostSettings(db: Db, settings: HostSettings): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  upsert.run(KEYS.enabled, String(settings.enabled));
  upsert.run(KEYS.address, settings.address);
  upsert.run(KEYS.port, String(settings.port));
  upsert.run(KEYS.names, [...new Set(settings.names)].join(','));
}
