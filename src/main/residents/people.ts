import { EARLIEST_BUSINESS_DAY } from '../../shared/businessDates';
import { ageIfKnown, parseResidentId } from '../../shared/idNumber';
import {
  CHILD_UNDER_AGE,
  ELDERLY_FROM_AGE,
  type Category,
  type DocumentType,
  type Gender,
  type VulnerableFlag,
} from '../../shared/people';
import type { FieldErrors } from '../../shared/errors';
import { isoNow, type ServiceContext } from '../services/context';
import { DomainError } from '../services/errors';

export interface PersonInput {
  fullName: string;
  gender: Gender;
  birthDate: string | null;
  documentType: DocumentType;
  documentNumber: string;
  phone: string;
  category: Category;
  originId?: number | undefined;
  pregnant: boolean;
  chronicIllness: boolean;
  disability: boolean;
  emergencyContact: string;
  emergencyPhone: string;
  notes: string;
  originPlace?: string | undefined;
  registeredResidence?: string | undefined;
  travel?: string | undefined;
}

/**
 * Checks what a schema cannot: a resident ID's check digit, and that the birth date and gender
 * typed on the form agree with the number. Returns the document number as stored and the birth
 * date to store: a resident ID's own when none was typed; a passport's may stay unknown.
 */
export function checkDocument(
  input: Pick<PersonInput, 'documentType' | 'documentNumber' | 'birthDate' | 'gender'>,
): {
  number: string;
  birthDate: string | null;
  fields: FieldErrors;
} {
  const fields: FieldErrors = {};
  if (input.documentType !== 'resident_id')
    return {
      number: input.documentNumber.trim().toUpperCase(),
      birthDate: input.birthDate,
      fields,
    };
  const parsed = parseResidentId(input.documentNumber);
  if (!parsed.ok) {
    fields.documentNumber = `id_${parsed.problem}`;
    return { number: input.documentNumber, birthDate: input.birthDate, fields };
  }
  if (input.birthDate !== null && parsed.facts.birthDate !== input.birthDate)
    fields.birthDate = 'id_birth_mismatch';
  if (parsed.facts.gender !== input.gender) fields.gender = 'id_gender_mismatch';
  return { number: parsed.value, birthDate: parsed.facts.birthDate, fields };
}

/** The earliest birth date a form accepts: anything older is a typing mistake. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * Dates that parse but cannot be true on `today` (a site day): a birth or an exposure in the
 * future, a birth before 1900 (people are older than the desk's business days), an exposure
 * before 2000. Keyed by field, like checkDocument.
 */
export function checkDates(
  input: { birthDate?: string | null | undefined; lastExposureDate?: string | undefined },
  today: string,
): FieldErrors {
  const fields: FieldErrors = {};
  const born = input.birthDate ?? undefined;
  if (born !== undefined && born > today) fields.birthDate = 'date_in_future';
  else if (born !== undefined && born < EARLIEST_BIRTH_DATE) fields.birthDate = 'date_too_early';
  if (input.lastExposureDate !== undefined && input.lastExposureDate > today)
    fields.lastExposureDate = 'date_in_future';
  else if (input.lastExposureDate !== undefined && input.lastExposureDate < EARLIEST_BUSINESS_DAY)
    fields.lastExposureDate = 'date_before_2000';
  return fields;
}

/** An unknown birth date (a passport without one) makes someone neither elderly nor a child. */
export function vulnerableFlags(
  p: { birthDate: string | null; pregnant: boolean; chronicIllness: boolean; disability: boolean },
  on: Date,
): VulnerableFlag[] {
  const age = ageIfKnown(p.birthDate, on);
  const flags: VulnerableFlag[] = [];
  if (age !== null && age >= ELDERLY_FROM_AGE) flags.push('elderly');
  if (age !== null && age < CHILD_UNDER_AGE) flags.push('child');
  if (p.pregnant) flags.push('pregnant');
  if (p.chronicIllness) flags.push('chronic_illness');
  if (p.disability) flags.push('disability');
  return flags;
}

/** The same flags from a people row as SQLite stores it (booleans as 0/1). */
export const vulnerableFlagsOfRow = (
  row: { birth_date: string | null; pregnant: number; chronic_illness: number; disability: number },
  on: Date,
): VulnerableFlag[] =>
  vulnerableFlags(
    {
      birthDate: row.birth_date,
      pregnant: row.pregnant === 1,
      chronicIllness: row.chronic_illness === 1,
      disability: row.disability === 1,
    },
    on,
  );

interface OpenStayRow {
  id: number;
  status: string;
  room_number: string | null;
  batch_label: string | null;
}

/**
 * Finds or creates the person for a document and refreshes their details. A person with an open
 * stay (registered or checked in) is refused, naming that stay.
 */
export function upsertPerson(ctx: ServiceContext, input: PersonInput, fieldPrefix = ''): number {
  const { number, birthDate, fields } = checkDocument(input);
  if (Object.keys(fields).length > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      'The document number does not agree with the form',
      {},
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [fieldPrefix + k, v])),
    );
  }
  const existing = ctx.db
    .prepare<[string, string], { id: number }>(
      'SELECT id FROM people WHERE document_type = ? AND document_number = ?',
    )
    .get(input.documentType, number);
  if (existing) {
    const open = ctx.db
      .prepare<[number], OpenStayRow>(
        `SELECT s.id, s.status, r.number AS room_number, b.label AS batch_label FROM stays s
         LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN arrival_batches b ON b.id = s.batch_id
         WHERE s.person_id = ? AND s.status IN ('registered','active')`,
      )
      .get(existing.id);
    if (open) {
      throw new DomainError(
        'OPEN_STAY_EXISTS',
        `${input.fullName} already has an open stay`,
        {
          name: input.fullName,
          room: open.room_number ?? '',
          batch: open.batch_label ?? '',
          stayId: open.id,
        },
        { [`${fieldPrefix}documentNumber`]: 'open_stay' },
      );
    }
  }
  const at = isoNow(ctx);
  const values = [
    input.fullName,
    input.gender,
    birthDate,
    input.phone,
    input.category,
    input.originId ?? null,
    input.pregnant ? 1 : 0,
    input.chronicIllness ? 1 : 0,
    input.disability ? 1 : 0,
    input.emergencyContact,
    input.emergencyPhone,
    input.notes,
    input.originPlace ?? '',
    input.registeredResidence ?? '',
    input.travel ?? '',
    at,
  ];
  if (existing) {
    ctx.db
      .prepare(
        `UPDATE people SET version = version + 1, full_name = ?, gender = ?, birth_date = ?, phone = ?, category = ?, origin_id = ?,
         pregnant = ?, chronic_illness = ?, disability = ?, emergency_contact = ?, emergency_phone = ?, notes = ?,
         origin_place = ?, registered_residence = ?, travel = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...values, existing.id);
    return existing.id;
  }
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO people (full_name, gender, birth_date, phone, category, origin_id, pregnant, chronic_illness,
       disability, emergency_contact, emergency_phone, notes, origin_place, registered_residence, travel,
       updated_at, document_type, document_number, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...values, input.documentType, number, at);
  return Number(lastInsertRowid);
}
