import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

// Main has no web workers to lend; the work is one file of a few MB.
configure({ useWebWorkers: false });

/**
 * One file inside a zip encrypted with WinZip AES-256 (AE-2), the scheme 7-Zip, WinRAR, Bandizip
 * and 360压缩 all open with the password. The old ZipCrypto is never used: it is broken.
 */
export async function zipWithPassword(
  entryName: string,
  content: Uint8Array,
  password: string,
): Promise<Buffer> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    password,
    encryptionStrength: 3,
    zipCrypto: false,
  });
  await writer.add(entryName, new Uint8ArrayReader(content));
  return Buffer.from(await writer.close());
}
