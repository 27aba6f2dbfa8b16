import type { HostOverview, HostSettings, HostStatus } from '../../shared/host';
import { admittedHosts } from './addresses';
import { ensureHostCertificate, storedCertificate } from './certificate';

/** What the shell's HTTPS listener is started with: where, under which names, with which key. */
export interface HostListenerOptions {
  /** '0.0.0.0' for every address of this PC. */
  address: string;
  port: number;
  /** `host:port` values the Host and Origin headers may carry. */
  admitted: string[];
  key: string;
  cert: string;
}

export interface HostListener {
  close(): Promise<void>;
}

/** The shell's HTTPS listener (the core knows no HTTP): started and stopped by the host service. */
export type StartHostListener = (options: HostListenerOptions) => Promise<HostListener>;

export interface HostServiceOptions {
  dataDir: string;
  /** Absent where no shell serves pages (service tests): host mode is then never running. */
  listen?: StartHostListener;
  addresses: () => string[];
  /** Ends every session made through the host; called whenever the listener stops. */
  endRemoteSessions: () => number;
  onError: (message: string, error: unknown) => void;
  now?: () => Date;
}

/**
 * Runs the host listener as the settings say: one change at a time (a second waits for the
 * first), the old listener closed before a new one opens, and every remote session ended when
 * it closes, so turning host mode off leaves no desk signed in through it.
 */
export class HostService {
  private listener: HostListener | null = null;
  private urls: string[] = [];
  private fingerprint: string | null;
  private problem: string | null = null;
  /** The settings the running listener was started with, to leave it alone when nothing changed. */
  private applied: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HostServiceOptions) {
    this.fingerprint = storedCertificate(options.dataDir)?.fingerprint ?? null;
  }

  status(): HostStatus {
    return { running: this.listener !== null, urls: this.urls, fingerprint: this.fingerprint };
  }

  overview(settings: HostSettings): HostOverview {
    return {
      settings,
      addresses: this.options.addresses(),
      status: this.status(),
      problem: this.problem,
    };
  }

  /** Starts, restarts or stops the listener for these settings; a failure is kept as the problem. */
  apply(settings: HostSettings): Promise<HostStatus> {
    const next = this.queue.then(() => this.applyNow(settings));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    const next = this.queue.then(() => this.stop());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async stop(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    this.applied = null;
    this.urls = [];
    if (listener) await listener.close();
    this.options.endRemoteSessions();
  }

  private async applyNow(settings: HostSettings): Promise<HostStatus> {
    // Saving the same settings again must not sign the other desks out.
    if (this.listener && this.applied === JSON.stringify(settings)) return this.status();
    await this.stop();
    this.problem = null;
    if (!settings.enabled || !this.options.listen) return this.status();
    const addresses = this.options.addresses();
    if (settings.address !== '' && !addresses.includes(settings.address)) {
      this.problem = `${settings.address} is no longer an address of this PC`;
      return this.status();
    }
    const where = settings.address === '' ? addresses : [settings.address];
    try {
      const certificate = await ensureHostCertificate(
        this.options.dataDir,
        { addresses: where, names: settings.names },
        this.options.now?.(),
      );
      this.fingerprint = certificate.fingerprint;
      this.listener = await this.options.listen({
        address: settings.address === '' ? '0.0.0.0' : settings.address,
        port: settings.port,
        admitted: admittedHosts(settings, addresses),
        key: certificate.key,
        cert: certificate.cert,
      });
      this.applied = JSON.stringify(settings);
      this.urls = where.map((a) => `https://${a}:${settings.port}`);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.options.onError('Host mode could not start', error);
    }
    return this.status();
  }
}
