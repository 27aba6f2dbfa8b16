import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a printed address's code may be exchanged for the launch's cookie. */
export const CODE_TTL_MS = 60_000;

/**
 * The codes that printed addresses carry. A code is exchanged once for the launch's token (in an
 * HttpOnly cookie), so what lands in the browser's history or a terminal's scrollback is a code
 * that no longer opens anything.
 */
export class OneTimeCodes {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = CODE_TTL_MS,
  ) {}

  issue(): string {
    const code = randomBytes(24).toString('base64url');
    this.live.set(code, this.now() + this.ttlMs);
    return code;
  }

  /** True once for a live code; never again for it, and never after it expired. */
  redeem(given: string): boolean {
    const now = this.now();
    let matched: string | null = null;
    const wanted = Buffer.from(given);
    for (const [code, expires] of this.live) {
      if (expires <= now) {
        this.live.delete(code);
        continue;
      }
      const candidate = Buffer.from(code);
      if (candidate.length === wanted.length && timingSafeEqual(candidate, wanted)) matched = code;
    }
    if (matched === null) return false;
    this.live.delete(matched);
    return true;
  }
}
