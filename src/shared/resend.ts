/**
 * The pauses after which a desk sends a submission main did not answer again, with the same
 * operation id (renderer api/retry.ts; the load bench's desks do the same).
 */
export const RETRY_DELAYS_MS = [300, 1_000, 3_000] as const;
