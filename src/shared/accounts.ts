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

export type AuditVerification =
  { ok: true; count: number } | { ok: false; count: number; firstBrokenId: number; reason: string };

/** A file produced in main, handed to the renderer to save (the same way in both shells). */
export interface ExportedFile {
  filename: string;
  mime: string;
  base64: string;
}
