import { createServer } from 'node:https';
import type { Router } from '../ipc/router';
import type { ChangeFeed } from '../live/changeFeed';
import type { ShellHostListener } from '../app';
import type { HostListener, HostListenerOptions } from '../host/service';
import { createRequestHandler } from './requestHandler';
import { HOST_SESSION_COOKIE } from './sessionCookie';

/**
 * The host listener: the same pages and router as the loopback one, over HTTPS on the chosen
 * address. No launch token (each desk signs in with its own account); Host and Origin must be
 * one of the configured addresses or names with the port; the session cookie is Secure.
 */
export function hostListenerFor(rendererDir: string): ShellHostListener {
  return async (
    options: HostListenerOptions,
    router: Router,
    changes: ChangeFeed,
  ): Promise<HostListener> => {
    const server = createServer(
      { key: options.key, cert: options.cert, minVersion: 'TLSv1.2' },
      createRequestHandler({
        router,
        rendererDir,
        changes,
        policy: {
          via: 'host',
          scheme: 'https',
          admitted: () => options.admitted,
          remoteAllowed: () => true,
          sessionCookie: () => HOST_SESSION_COOKIE,
        },
      }),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.address, () => resolve());
    });
    return {
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  };
}
