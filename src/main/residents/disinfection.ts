import type { Disinfection } from '../../shared/people';
import { isoNow, type ServiceContext } from '../services/context';
import { assertBusinessDates } from '../services/datedInput';
import { DomainError } from '../services/errors';
import { getRoom, writeStatus } from '../registry/rooms';

/** The gate: a signed record (who, when, agent and concentration) makes a vacated room available. */
export function recordDisinfection(
  ctx: ServiceContext,
  input: {
    roomId: number;
    operator: string;
    performedAt: string;
    agent: string;
    concentration: string;
    notes: string;
  },
): Disinfection {
  const room = getRoom(ctx, { id: input.roomId });
  assertBusinessDates(ctx, { performedAt: input.performedAt });
  if (room.status !== 'awaiting_disinfection') {
    throw new DomainError(
      'INVALID_STATUS_TRANSITION',
      `Room ${room.number} is not awaiting disinfection`,
      {
        from: room.status,
        to: 'available',
      },
    );
  }
  const { lastInsertRowid } = ctx.db
    .prepare(
      'INSERT INTO disinfections (room_id, operator, performed_at, agent, concentration, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      room.id,
      input.operator,
      input.performedAt,
      input.agent,
      input.concentration,
      input.notes,
      isoNow(ctx),
    );
  writeStatus(ctx, room, 'available', null);
  return { id: Number(lastInsertRowid), ...input };
}
