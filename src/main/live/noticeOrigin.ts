import { createHash } from 'node:crypto';
import { ORIGIN_HEX_DIGITS } from '../../shared/live';

/**
 * The origin a notice carries for a write with operation id `opId`: a digest, so the window that
 * sent the id recognises it while another desk cannot replay or guess the id from it.
 */
export const noticeOrigin = (opId: string): string =>
  createHash('sha256').update(opId, 'utf8').digest('hex').slice(0, ORIGIN_HEX_DIGITS);
