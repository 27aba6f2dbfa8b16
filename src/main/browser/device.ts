import type { IncomingMessage } from 'node:http';
import type { DeviceInfo } from '../accounts/sessionStore';

/**
 * The device a request comes from, as a session records it: the socket's remote address (an
 * IPv4 address mapped into IPv6 written plainly) and the browser's User-Agent header.
 */
export function deviceOf(req: IncomingMessage, via: DeviceInfo['via']): DeviceInfo {
  const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return { address: address || 'unknown', userAgent: req.headers['user-agent'] ?? '', via };
}
