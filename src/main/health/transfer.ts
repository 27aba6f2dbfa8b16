import type { TransferRecord } from '../../shared/health';
import { isoNow, type ActingContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError } from '../services/errors';
import { getFeverCase } from './fever';
import { requireActiveStay } from './readings';
import { getSettings } from '../accounts/settings';
import { checkOut, occupantsWhere, restartObservation } from '../residents/stays';

export interface TransferInput {
  caseId: number;
  hospital: string;
  departedAt: string;
  escort: string;
  vehicle: string;
}

/**
 * A fever case to the designated hospital in one step: the case closes as a transfer, the stay
 * checks out as a transfer (its room awaits disinfection if emptied), the roommates are flagged as
 * contacts and, if the site says so, their observation starts again today. One transaction (the
 * router's), so a refusal anywhere leaves everything as it was.
 */
export function transferFeverCase(ctx: ActingContext, input: TransferInput): TransferRecord {
  const userId = ctx.actor?.userId ?? null;
  const fever = getFeverCase(ctx, input.caseId);
  assertBusinessDates(ctx, { departedAt: input.departedAt });
  if (fever.status !== 'open') {
    throw new DomainError('FEVER_CASE_CLOSED', `Fever case ${input.caseId} is ${fever.status}`, {
      status: fever.status,
    });
  }
  requireActiveStay(ctx, fever.stayId);
  const settings = getSettings(ctx);
  const at = isoNow(ctx);
  const roommates = occupantsWhere(ctx, 'r.id = ? AND s.id <> ?', [fever.roomId!, fever.stayId]);

  ctx.db
    .prepare(
      "UPDATE fever_cases SET status = 'transferred', closed_at = ?, closed_by = ?, note = ? WHERE id = ?",
    )
    .run(at, userId, `transferred to ${input.hospital}`, fever.id);
  checkOut(ctx, { id: fever.stayId, kind: 'transfer', hospital: input.hospital });
  const transferId = Number(
    ctx.db
      .prepare(
        `INSERT INTO transfers (stay_id, fever_case_id, hospital, departed_at, escort, vehicle, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        fever.stayId,
        fever.id,
        input.hospital,
        input.departedAt,
        input.escort,
        input.vehicle,
        at,
      ).lastInsertRowid,
  );
  const flagged = roommates.map((mate) => {
    const restarted =
      settings.restartRoommatesObservation &&
      restartObservation(ctx, mate.stayId, settings.observationDays, 'roommate_transferred');
    ctx.db
      .prepare(
        'INSERT INTO contact_flags (stay_id, transfer_id, observation_restarted, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(mate.stayId, transferId, restarted ? 1 : 0, at);
    return { stayId: mate.stayId, fullName: mate.fullName, observationRestarted: restarted };
  });
  return {
    id: transferId,
    stayId: fever.stayId,
    hospital: input.hospital,
    departedAt: input.departedAt,
    escort: input.escort,
    vehicle: input.vehicle,
    roommates: flagged,
  };
}
