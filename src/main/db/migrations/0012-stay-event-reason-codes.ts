import { installChangeCapture } from '../changeCapture';
import type { Migration } from './types';

/**
 * A reason the app writes itself (a roommate's observation restarted after a transfer) is stored
 * as a code and put into words on display, in the reader's language; a reason a user typed stays
 * in `reason` as text. Rows written before keep their text and show as they are.
 */
export const stayEventReasonCodes: Migration = {
  version: 12,
  name: 'stay-event-reason-codes',
  up: (db) => {
    db.exec('ALTER TABLE stay_events ADD COLUMN reason_code TEXT');
    // The audit's triggers copy every column: rebuild them so the new one is captured too.
    installChangeCapture(db, 'stay_events');
  },
};
