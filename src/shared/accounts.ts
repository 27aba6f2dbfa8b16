import type { Permission, Role } from './permissions';

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export type AuthState = 'signedOut' | 'active' | 'locked';

export interface AuthStatus {
  state: AuthState;
  user: {
    id: number;
    username: string;
    displayName: string;
    roles: Role[];
    permissions: Permission[];
  } | null;
  idleLockMinutes: number;
}

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  method: string;
  outcome: AuditOutcome;
  entity: string | null;
  entityId: number | null;
  /** Field → [before, after]; personal numbers already masked. */
  changes: Record<string, [unknown, unknown]>;
  detail: string | null;
}

export interface AuditPage {
  rows: AuditEntry[];
  nextCursor: number | null;
}

/** Why the chain head was written down outside the database. */
export const AUDIT_ANCHOR_REASONS = [
  'backup',
  'shutdown',
  'daily_report',
  'restore',
  'purge',
  'start_empty',
] as const;
export type AuditAnchorReason = (typeof AUDIT_ANCHOR_REASONS)[number];

/**
 * The chain head (entry count and the last entry's hash) as it was at one moment, kept outside
 * the database: in the data folder's anchors file, beside each backup, on the daily report.
 */
export interface AuditAnchor {
  /** ISO instant. */
  at: string;
  count: number;
  headHash: string;
  reason: AuditAnchorReason;
  /** The backup's file name, the report's day: what the reason refers to. */
  source: string | null;
}

/** A fault found by walking the chain itself. */
export type AuditChainFault = 'missing_rows' | 'broken_link' | 'altered';

/** The chain walked, then compared with the newest anchor (null when there is none yet). */
export type AuditVerification =
  | { ok: true; count: number; anchor: AuditAnchor | null }
  | {
      ok: false;
      count: number;
      firstBrokenId: number;
      reason: AuditChainFault;
      anchor: AuditAnchor | null;
    }
  /** The chain has `count` entries; the anchor recorded `anchor.count`. */
  | { ok: false; count: number; reason: 'truncated'; anchor: AuditAnchor }
  /** Entry `anchor.count` no longer has the hash the anchor recorded. */
  | { ok: false; count: number; firstBrokenId: number; reason: 'rewritten'; anchor: AuditAnchor };

/** A file produced in main, handed to the renderer to save (the same way in both shells). */
export interface ExportedFile {
  filename: string;
  mime: string;
  base64: string;
}
