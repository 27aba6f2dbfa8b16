import { safeStorage } from 'electron';

/**
 * Electron's safeStorage for this PC's copy of the backup key: DPAPI on Windows, the keychain on
 * macOS, libsecret/kwallet on Linux. None where it is not available, or where Linux would fall
 * back to a password written into Chromium itself ("basic_text"): then the core keeps the key
 * in an owner-only file, and says so.
 */
export function systemKeyProtection():
  { protect(plain: Buffer): Buffer; unprotect(sealed: Buffer): Buffer } | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return undefined;
  }
  return {
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
