import {
  ARCHIVE_DOMAINS,
  PURGE_PHRASES,
  PURGED_NAME,
  type ArchiveDomain,
  type PurgeCounts,
  type PurgePreview,
  type PurgeResult,
} from '../../shared/privacy';
import type { HandlerContext } from '../services/context';
import type { Db } from '../db/open';
import { appendAudit } from '../accounts/audit';
import { anchorChain } from '../accounts/auditAnchors/anchor';
import { isoNow, type ServiceContext } from '../services/context';
import { Deferred } from '../services/deferred';
import { DomainError } from '../services/errors';
import { redactAuditEntries } from './auditRedaction';
import { compactAfterPurge, storedBytes } from './compact';
import { auditEntriesDue, collectDue, dropDue, dueCounts } from './dueSets';
import { cutoffInstant, latestCutoffDay, retentionDays, setRetentionDays } from './retention';

/** The last archive export of each domain, from the audit trail (its detail starts with the domain). */
function lastArchives(db: Db): Partial<Record<ArchiveDomain, string>> {
  const last = db.prepare<[string], string | null>(
    "SELECT max(at) FROM audit_log WHERE method = 'archive.export' AND outcome = 'ok' AND detail LIKE ?",
  );
  const out: Partial<Record<ArchiveDomain, string>> = {};
  for (const domain of ARCHIVE_DOMAINS) {
    const at = last.pluck().get(`${domain}:%`);
    if (at) out[domain] = at;
  }
  return out;
}

/** How many people and rows a purge at today's cutoff would touch; nothing is changed. */
export function purgePreview(ctx: ServiceContext): PurgePreview {
  const cutoffDay = latestCutoffDay(ctx);
  collectDue(ctx.db, cutoffInstant(cutoffDay));
  try {
    const counts = dueCounts(ctx.db, auditEntriesDue(ctx.db).size);
    const live = ctx.db
      .prepare("SELECT count(*) FROM people WHERE document_number <> 'purged:' || id")
      .pluck()
      .get() as number;
    return {
      retentionDays: retentionDays(ctx),
      cutoffDay,
      counts,
      peopleKept: live - counts.people,
      lastArchive: lastArchives(ctx.db),
    };
  } finally {
    dropDue(ctx.db);
  }
}

export function updateRetention(ctx: ServiceContext, input: { days: number }): PurgePreview {
  setRetentionDays(ctx, input.days);
  return purgePreview(ctx);
}

/** Erases or deletes the personal values of the due rows (see collectDue); rows that counts need stay. */
function erase(db: Db, now: string): void {
  const run = (sql: string) => db.prepare(sql).run({ now, name: PURGED_NAME });
  run(`UPDATE people SET version = version + 1, full_name = @name, birth_date = '', document_type = 'other',
         document_number = 'purged:' || id, phone = '', origin_id = NULL, pregnant = 0,
         chronic_illness = 0, disability = 0, emergency_contact = '', emergency_phone = '',
         notes = '', origin_place = '', registered_residence = '', travel = '', updated_at = @now
       WHERE id IN (SELECT id FROM temp.due_people)`);
  run(`UPDATE stays SET household = NULL, hospital = NULL, checkout_reason = NULL, updated_at = @now
       WHERE id IN (SELECT id FROM temp.due_stays)`);
  run('UPDATE stay_events SET reason = NULL WHERE id IN (SELECT id FROM temp.due_events)');
  run(
    'UPDATE readings SET version = version + 1, symptoms = NULL WHERE id IN (SELECT id FROM temp.due_readings)',
  );
  run('UPDATE fever_cases SET note = NULL WHERE id IN (SELECT id FROM temp.due_fevers)');
  run(`UPDATE transfers SET hospital = '', escort = '', vehicle = ''
       WHERE id IN (SELECT id FROM temp.due_transfers)`);
  run('DELETE FROM contact_flags WHERE id IN (SELECT id FROM temp.due_flags)');
  run("UPDATE staff SET phone = '', updated_at = @now WHERE id IN (SELECT id FROM temp.due_staff)");
  run('DELETE FROM staff_unavailability WHERE id IN (SELECT id FROM temp.due_unavailability)');
  run(`UPDATE stock_parties SET contact = '', phone = ''
       WHERE id IN (SELECT id FROM temp.due_donors)`);
  // The capture triggers copied every old value into the queue: it must not become audit rows.
  db.prepare('DELETE FROM audit_pending').run();
  // First answers kept for retried submissions (a week) can hold a registered person's details.
  db.prepare('DELETE FROM applied_operations').run();
}

/** Backups taken before the purge still hold what it erased: they go, and a fresh one is taken. */
async function replaceBackups(ctx: HandlerContext): Promise<PurgeResult['backups']> {
  if (!ctx.backups) return null;
  try {
    const { removed, fresh } = await ctx.backups.replaceAfterPurge(ctx.actor);
    return { removed, fresh, error: null };
  } catch (error) {
    return {
      removed: 0,
      fresh: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The reseal rewrote hashes an earlier anchor sealed: the resealed head is anchored (after the
 * commit, so a purge rolled back leaves no anchor). If the file cannot be written, "verify" reports
 * the chain as rewritten — which the purge's own entry then explains; the purge stands either way.
 */
function anchorAfterPurge(ctx: HandlerContext): void {
  try {
    anchorChain(ctx.dataDir, ctx.db, { reason: 'purge', at: ctx.now() });
  } catch {
    // See above: visible to verify, explained by the trail.
  }
}

const countsText = (c: PurgeCounts): string =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/**
 * The purge, in the router's one transaction: check the phrase and the cutoff, erase the due rows'
 * personal values, redact them from the audit trail and reseal its chain, and append one audit
 * entry with the cutoff and the counts (no personal data). After commit: VACUUM and a WAL
 * truncate, so a purged number is on disk nowhere in the database or its WAL.
 */
export function purgePersonalData(
  ctx: HandlerContext,
  input: { cutoffDay: string; phrase: string },
): Deferred<PurgeResult> {
  const phrases: readonly string[] = Object.values(PURGE_PHRASES);
  if (!phrases.includes(input.phrase.trim())) {
    throw new DomainError(
      'CONFIRMATION_MISMATCH',
      'Type the confirmation phrase exactly',
      {},
      { phrase: 'confirmation_mismatch' },
    );
  }
  const latest = latestCutoffDay(ctx);
  if (input.cutoffDay > latest) {
    throw new DomainError(
      'INVALID_INPUT',
      `The retention period allows a cutoff of ${latest} at the latest`,
      { latest },
      { cutoffDay: 'within_retention' },
    );
  }
  const { db } = ctx;
  const started = performance.now();
  const bytesBefore = storedBytes(db);
  const secureDeleteBefore = db.pragma('secure_delete', { simple: true }) as number;
  const restoreSecureDelete = () =>
    db.pragma(`secure_delete = ${secureDeleteBefore ? 'ON' : 'OFF'}`);
  // Freed pages and cells are overwritten with zeros from here on, in the file and the WAL.
  db.pragma('secure_delete = ON');
  let counts: PurgeCounts;
  let sealed: ReturnType<typeof redactAuditEntries>;
  try {
    collectDue(db, cutoffInstant(input.cutoffDay));
    const dueAudit = auditEntriesDue(db);
    counts = dueCounts(db, dueAudit.size);
    erase(db, isoNow(ctx));
    sealed = redactAuditEntries(db, dueAudit);
    dropDue(db);
  } catch (error) {
    restoreSecureDelete();
    throw error;
  }
  appendAudit(db, {
    at: isoNow(ctx),
    actor: ctx.actor,
    method: 'privacy.purge',
    outcome: 'ok',
    detail:
      `cutoff ${input.cutoffDay} (retention ${retentionDays(ctx)} d); ${countsText(counts)}` +
      (sealed
        ? `; chain resealed from #${sealed.fromId}, previous head ${sealed.previousHead}`
        : ''),
  });

  // Runs after the router's transaction has committed: VACUUM cannot run inside one.
  return new Deferred(async () => {
    try {
      anchorAfterPurge(ctx);
      const { compacted, walTruncated } = compactAfterPurge(db);
      const backups = await replaceBackups(ctx);
      return {
        cutoffDay: input.cutoffDay,
        counts,
        bytesBefore,
        bytesAfter: storedBytes(db),
        compacted,
        walTruncated,
        resealedFromId: sealed?.fromId ?? null,
        backups,
        durationMs: Math.round(performance.now() - started),
      };
    } finally {
      restoreSecureDelete();
    }
  });
}
