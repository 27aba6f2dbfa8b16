import type { DomainHandlers } from '../services/handlerMap';
import { listFeverCases, recheckFever } from './fever';
import { readingsOfStay, recordRoundReading } from './readings';
import { roundSheet, roundSummary } from './rounds';
import { transferFeverCase } from './transfer';

/** Temperature rounds, readings and fever cases. */
export const healthHandlers = {
  'rounds.sheet': roundSheet,
  'rounds.summary': roundSummary,
  'readings.record': recordRoundReading,
  'readings.ofStay': readingsOfStay,
  'fever.list': listFeverCases,
  'fever.recheck': recheckFever,
  'fever.transfer': transferFeverCase,
} satisfies DomainHandlers;
