/**
 * The end of the epidemic (PIPL): the district's archive, one workbook per domain, and the purge
 * of personal data once the retention period has passed.
 */
export const ARCHIVE_DOMAINS = ['people', 'health', 'rooms', 'roster', 'stock', 'audit'] as const;
export type ArchiveDomain = (typeof ARCHIVE_DOMAINS)[number];

/**
 * Days after a person's last stay ended before their personal data may be purged. 28 = twice the
 * 14-day incubation window: it covers the 7 days of home health monitoring after release and a
 * late case among the released that the CDC traces back to the site.
 */
export const DEFAULT_RETENTION_DAYS = 28;
export const MIN_RETENTION_DAYS = 14;
export const MAX_RETENTION_DAYS = 3650;

/** What the administrator types to confirm a purge; either language's phrase is accepted. */
export const PURGE_PHRASES = { 'zh-CN': '确认清除个人信息', en: 'PURGE PERSONAL DATA' } as const;

/** The name an anonymised person keeps, so past counts and reports still add up. */
export const PURGED_NAME = '已清除';

export interface PurgeCounts {
  /** Residents anonymised: identity fields erased, the row kept as a tombstone for counts. */
  people: number;
  stays: number;
  stayEvents: number;
  readings: number;
  feverCases: number;
  transfers: number;
  /** Deleted: the fact that someone was a roommate of a case serves no count. */
  contactFlags: number;
  /** Inactive staff whose phone number is erased. */
  staffPhones: number;
  staffUnavailability: number;
  /** Individual donors whose contact and phone are erased. */
  donorContacts: number;
  /** Audit entries whose personal values are replaced by a marker. */
  auditEntries: number;
}

export interface PurgePreview {
  retentionDays: number;
  /** Personal data of stays that ended before this site day (00:00) goes. */
  cutoffDay: string;
  counts: PurgeCounts;
  /** People still in residence or left on/after the cutoff: untouched. */
  peopleKept: number;
  /** The last archive export of each domain (UTC), or null if none was made. */
  lastArchive: Partial<Record<ArchiveDomain, string>>;
}

export interface PurgeResult {
  cutoffDay: string;
  counts: PurgeCounts;
  /** File sizes before and after VACUUM (database + WAL), in bytes. */
  bytesBefore: number;
  bytesAfter: number;
  /** Whether VACUUM ran; if not (the file was busy), purging again compacts without erasing more. */
  compacted: boolean;
  /** Whether the WAL was emptied (false when another connection still read from it). */
  walTruncated: boolean;
  /** Audit entries whose hash was recomputed after redaction, from `resealedFromId`. */
  resealedFromId: number | null;
  /**
   * Earlier backups and damaged copies deleted after the purge (they held the purged data) and the
   * fresh backup taken; `error` when that failed (the purge itself stands), null without backups.
   */
  backups: { removed: number; fresh: string | null; error: string | null } | null;
  durationMs: number;
}

/** The least length of an archive zip's password: it is typed once and sent separately. */
export const ARCHIVE_PASSWORD_MIN = 10;

/**
 * How an archive workbook leaves the desk: inside an AES-256 zip opened with a password typed at
 * export, or as a plain workbook only after the administrator said they will protect it themselves.
 */
export type ArchiveProtection =
  { kind: 'zip'; password: string } | { kind: 'plain'; protectMyself: true };
