import { FILE_LIMITS, type FileDamageReason, type FileLimit } from '../../../shared/fileLimits';
import { DomainError } from '../errors';

/** A file refused for passing one of FILE_LIMITS: the reason and the limit reach the user. */
export function overLimit(limit: FileLimit, detail: string): DomainError {
  return new DomainError('FILE_REFUSED', `File refused: ${detail}`, {
    reason: limit,
    limit: FILE_LIMITS[limit],
  });
}

/** A file refused as damaged or not what it claims to be. */
export function damaged(reason: FileDamageReason, detail: string): DomainError {
  return new DomainError('FILE_REFUSED', `File refused: ${detail}`, { reason });
}

/** The same refusal as the import services have always given, for the file field. */
export const refuseField = (
  field: 'fileName' | 'base64',
  code: string,
  message: string,
  params?: Record<string, string | number>,
): DomainError => new DomainError('INVALID_INPUT', message, params, { [field]: code });

export const MB = 1024 * 1024;
