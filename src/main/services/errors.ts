import type { ErrorCode, FieldErrors } from '../../shared/errors';

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
