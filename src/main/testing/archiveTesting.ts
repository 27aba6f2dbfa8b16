import type { ArchiveProtection } from '../../shared/privacy';

/** The administrator's explicit "I will protect this file myself": a workbook the test can read. */
export const PLAIN: ArchiveProtection = { kind: 'plain', protectMyself: true };
