import type { PersonHistory } from '../../shared/residents';
import type { DocumentType, Gender } from '../../shared/people';
import { siteDay } from '../../shared/siteDate';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError, notFound } from '../services/errors';
import { checkDates, checkDocument } from './people';
import { personDetail, personHistory } from './personHistory';
import { assertVersion } from '../services/versions';

/**
 * people.setBirthDate: the birth date an arrivals list did not give (a passport or permit holder),
 * filled in later from the document itself. A resident ID's own birth date cannot be contradicted.
 */
export function setBirthDate(
  ctx: ServiceContext,
  input: { personId: number; birthDate: string; expectedVersion: number },
): PersonHistory {
  assertVersion(ctx, 'person', personDetail(ctx, input.personId), input.expectedVersion);
  const person = ctx.db
    .prepare<[number], { document_type: DocumentType; document_number: string; gender: Gender }>(
      'SELECT document_type, document_number, gender FROM people WHERE id = ?',
    )
    .get(input.personId);
  if (!person) throw notFound('person', input.personId);
  const fields = {
    ...checkDates({ birthDate: input.birthDate }, siteDay(ctx.now())),
    ...checkDocument({
      documentType: person.document_type,
      documentNumber: person.document_number,
      birthDate: input.birthDate,
      gender: person.gender,
    }).fields,
  };
  // Only the birth date is being set: a stored gender or number is not this form's to refuse.
  const refused = Object.entries(fields).filter(([field]) => field === 'birthDate');
  if (refused.length > 0)
    throw new DomainError(
      'INVALID_INPUT',
      'The birth date cannot be right',
      {},
      Object.fromEntries(refused),
    );
  ctx.db
    .prepare('UPDATE people SET version = version + 1, birth_date = ?, updated_at = ? WHERE id = ?')
    .run(input.birthDate, isoNow(ctx), input.personId);
  return personHistory(ctx, { personId: input.personId });
}
