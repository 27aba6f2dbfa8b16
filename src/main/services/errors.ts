import type { ConflictCurrent, ErrorCode, FieldErrors } from '../../shared/errors';

/** An expected refusal: its code and params reach the renderer; it never carries a stack there. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
    readonly fields?: FieldErrors,
    /** Keep the call's writes although it fails (a failed sign-in still counts and is audited). */
    readonly persist = false,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(entity: string, id: number): DomainError {
  return new DomainError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
}

/** A write based on an older version of a record: refused with the record as it now stands. */
export class ConflictError extends DomainError {
  constructor(
    entity: string,
    id: number,
    expected: number,
    readonly current: ConflictCurrent,
  ) {
    super(
      'CONFLICT',
      `${entity} ${id} is at version ${current.version}, not ${expected}: changed by ${current.by ?? 'someone'} at ${current.at ?? 'an unknown time'}`,
      { entity, id, version: current.version, by: current.by ?? '', at: current.at ?? '' },
    );
  }
}
