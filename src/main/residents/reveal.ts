import type { RevealedNumbers } from '../../shared/residents';
import { appendAudit } from '../accounts/audit';
import { isoNow, type ActingContext } from '../services/context';
import { notFound } from '../services/errors';

/**
 * A person's document and phone numbers in full (and the notes, which may hold numbers), for the one user who asked and may see them. The
 * audit row names the person, never the numbers.
 */
export function revealNumbers(ctx: ActingContext, input: { personId: number }): RevealedNumbers {
  const user = ctx.actor;
  const row = ctx.db
    .prepare<
      [number],
      {
        document_number: string;
        phone: string;
        emergency_phone: string;
        notes: string;
        emergency_contact: string;
      }
    >(
      'SELECT document_number, phone, emergency_phone, notes, emergency_contact FROM people WHERE id = ?',
    )
    .get(input.personId);
  if (!row) throw notFound('person', input.personId);
  appendAudit(ctx.db, {
    at: isoNow(ctx),
    actor: user,
    method: 'people.reveal',
    outcome: 'ok',
    entity: 'person',
    entityId: input.personId,
    detail: 'full document and phone numbers (and the numbers in notes) shown',
  });
  return {
    documentNumber: row.document_number,
    phone: row.phone,
    emergencyPhone: row.emergency_phone,
    notes: row.notes,
    emergencyContact: row.emergency_contact,
  };
}
