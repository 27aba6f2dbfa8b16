import type { RevealedNumbers } from '../../shared/residents';
import { appendAudit } from './audit';
import { isoNow, type ServiceContext } from './context';
import { notFound } from './errors';

/**
 * A person's document and phone numbers in full, for the one user who asked and may see them. The
 * audit row names the person, never the numbers.
 */
export function revealNumbers(
  ctx: ServiceContext,
  input: { personId: number },
  user: { userId: number; username: string } | null,
): RevealedNumbers {
  const row = ctx.db
    .prepare<[number], { document_number: string; phone: string; emergency_phone: string }>(
      'SELECT document_number, phone, emergency_phone FROM people WHERE id = ?',
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
    detail: 'full document and phone numbers shown',
  });
  return {
    documentNumber: row.document_number,
    phone: row.phone,
    emergencyPhone: row.emergency_phone,
  };
}
