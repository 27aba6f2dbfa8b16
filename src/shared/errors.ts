/**
 * Stable error codes: the renderer translates them (i18n key `errors.<code>`), tests assert them.
 * Never rename one; add new ones.
 */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'DUPLICATE',
  'ROOM_NUMBER_CLASH',
  'INVALID_STATUS_TRANSITION',
  'REASON_REQUIRED',
  'RETIRED',
  'IN_USE',
  'HAS_CHILDREN',
  'NOT_EMPTY',
  'TOO_MANY',
  'INTERNAL',
  'UNAUTHENTICATED',
  'OWN_SESSION',
  'SESSION_EXPIRED',
  'LOCKED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'THROTTLED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSWORD',
  'ALREADY_SET_UP',
  'LAST_ADMIN',
  'OPEN_STAY_EXISTS',
  'ROOM_NOT_ALLOCATABLE',
  'OVER_CAPACITY',
  'MIXED_GENDER',
  'UNRELATED_SHARING',
  'STAY_NOT_OPEN',
  'NOT_RELEASABLE',
  'TEMPERATURE_OUT_OF_RANGE',
  'ROUND_NOT_STARTED',
  'FEVER_CASE_CLOSED',
  'FEVER_CASE_OPEN',
  'NOT_AVAILABLE',
  'PERIOD_OVERLAP',
  'ROSTER_RULE',
  'ROSTER_PUBLISHED',
  'INSUFFICIENT_STOCK',
  'DISK_FULL',
  'READ_ONLY',
  'STORAGE_ERROR',
  'BUSY',
  'OPERATION_ID_REUSED',
  'CONFIRMATION_MISMATCH',
  'BACKUP_RUNNING',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
  'BACKUP_AUDIT_MISMATCH',
  'BACKUP_AUDIT_BROKEN',
  'BACKUP_FOLDER_UNUSABLE',
  'BACKUP_KEY_NEEDED',
  'BACKUP_KEY_WRONG',
  'BACKUP_TRUNCATED',
  'RECOVERY_KEY_MISTYPED',
  'RECOVERY_MODE',
  'REQUEST_TOO_LARGE',
  'FILE_REFUSED',
  'QUANTITY_TOO_LARGE',
  'STOCK_TOO_LARGE',
  'RECEIVED_TOO_LONG_AGO',
  'CONFLICT',
  'HOST_ADDRESS_UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Per-field problem, keyed by the dotted input path (`capacity`, `features.0`). */
export type FieldErrors = Record<string, string>;

export interface ApiError {
  code: ErrorCode;
  /** English fallback for logs and for a renderer without a translation. */
  message: string;
  fields?: FieldErrors;
  /** Values for the translated message, e.g. `{ clashes: 'A-201, A-202', count: 2 }`. */
  params?: Record<string, string | number>;
  /** On CONFLICT: the record as it stands now, so the screen can show it beside what was typed. */
  current?: ConflictCurrent;
}

/**
 * What a CONFLICT refusal carries: the record as another desk left it (the method's own result
 * shape: a room for rooms.update), its version to base the next write on, and who wrote it last
 * and when (null when the trail does not say, e.g. a record older than the audit trail).
 */
export interface ConflictCurrent<R = unknown> {
  version: number;
  record: R;
  by: string | null;
  at: string | null;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
