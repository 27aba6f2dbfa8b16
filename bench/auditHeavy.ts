import { appendAudit } from '../src/main/accounts/audit';
import { loadDemo } from '../src/main/accounts/demo';
import type { Db } from '../src/main/db/open';

/**
 * A site after weeks of use: the demo site (or what `seedSite` writes) plus `rows` audit rows
 * (200,000 ≈ 70 MB), checkpointed.
 */
export function fillAsAfterWeeks(
  db: Db,
  rows: number,
  now: () => Date,
  seedSite: () => void = () => loadDemo({ db, now }),
): void {
  db.transaction(() => {
    seedSite();
    for (let i = 0; i < rows; i++) {
      appendAudit(db, {
        at: now().toISOString(),
        actor: { userId: 1, username: 'chief' },
        method: 'readings.record',
        outcome: 'ok',
        detail: `reading ${i} of the evening round, room A-${100 + (i % 900)}`,
      });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}
