import { X509Certificate } from 'node:crypto';

/** `aa bb-CC:dd…` → `AABBCCDD…`: people copy fingerprints with any separators and case. */
const normalise = (fingerprint: string): string =>
  fingerprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();

/**
 * Whether the certificate a site server presented is the one pinned for it: the SHA-256 of its
 * DER (computed here from the PEM, not taken from what the connection reports), compared with the
 * fingerprint the administrator read off the host. Anything unreadable is no match.
 */
export function certificateMatchesPin(
  certificate: { data: string },
  pinnedFingerprint: string,
): boolean {
  const pinned = normalise(pinnedFingerprint);
  if (pinned.length !== 64) return false;
  try {
    return normalise(new X509Certificate(certificate.data).fingerprint256) === pinned;
  } catch {
    return false;
  }
}
