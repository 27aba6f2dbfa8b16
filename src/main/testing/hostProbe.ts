import { X509Certificate } from 'node:crypto';
import { Agent } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { connect } from 'node:tls';

/** A port free on `host` right now (loopback test addresses only). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The SHA-256 of the certificate a TLS listener really presents, as node reports it. */
export function servedFingerprint(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

/**
 * An HTTPS agent that trusts exactly the host's certificate (the PEM a person checked by its
 * fingerprint), as a desk does once pinned: any other certificate fails the handshake before a
 * byte of a request is sent.
 */
export function pinnedAgent(certPem: string): Agent {
  const pinned = new X509Certificate(certPem).fingerprint256;
  return new Agent({
    keepAlive: true,
    ca: certPem,
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === pinned
        ? undefined
        : new Error(`Certificate ${cert.fingerprint256} is not the pinned ${pinned}`),
  });
}
