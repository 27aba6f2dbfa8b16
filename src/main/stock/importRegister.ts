import type { PartyKind, ReceiptSource, StockDocument } from '../../shared/stock';
import type { ActingContext } from '../services/context';
import { DomainError } from '../services/errors';
import { importReceipt, type ImportLine } from './importReceipts';
import { receivedAt } from './receivedDate';

/** A register line: an import line with its own donor, day, purpose and note where the list has them. */
export interface RegisterLine extends ImportLine {
  donor?: string | undefined;
  donorKind?: PartyKind | undefined;
  receivedOn?: string | undefined;
  purpose?: string | undefined;
  note?: string | undefined;
}

export interface RegisterInput {
  siteId: number;
  locationId?: number | undefined;
  source: ReceiptSource;
  /** The form's donor: for lines that name none (a single donor's list). */
  party?: { kind: PartyKind; name: string; contact: string; phone: string } | undefined;
  /** The form's day the goods arrived: for lines that give none. */
  receivedOn: string;
  lines: RegisterLine[];
}

const REASON_MAX = 200;

/** A receipt's purposes and notes, each once, in the register's order. */
function reasonOf(lines: RegisterLine[]): string {
  const parts = [...new Set(lines.flatMap((l) => [l.purpose ?? '', l.note ?? '']))].filter(
    (p) => p.trim() !== '',
  );
  const text = parts.join('；');
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

/** A refusal about line i of one receipt, pointed at that line's place in the whole register. */
function inRegister(error: unknown, indices: number[]): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([path, code]) => [
      path.replace(/^lines\.(\d+)/, (_, i: string) => `lines.${indices[Number(i)]}`),
      code,
    ]),
  );
  return new DomainError(error.code, error.message, error.params, fields, error.persist);
}

/**
 * Posts a donation register as it is printed: one receipt per donor and day the goods arrived,
 * each in the donation register under its own date; a line without a donor or day takes the
 * form's. All in the caller's one transaction: a bad line refuses the whole register, naming it.
 */
export function importRegister(ctx: ActingContext, input: RegisterInput): StockDocument[] {
  const groups = new Map<string, { party: RegisterInput['party']; day: string; at: number[] }>();
  input.lines.forEach((line, i) => {
    const name = line.donor?.trim() || input.party?.name || '';
    const kind = line.donorKind ?? input.party?.kind ?? 'individual';
    const needsParty = input.source === 'donation' || input.source === 'purchase';
    if (needsParty && !name) {
      throw new DomainError(
        'INVALID_INPUT',
        `Row ${line.row} names no donor`,
        { row: line.row },
        { [`lines.${i}.donor`]: 'required' },
      );
    }
    const sameAsForm = input.party && input.party.name === name && input.party.kind === kind;
    const party = name
      ? {
          kind,
          name,
          contact: sameAsForm ? input.party!.contact : '',
          phone: sameAsForm ? input.party!.phone : '',
        }
      : undefined;
    const day = line.receivedOn ?? input.receivedOn;
    const key = JSON.stringify([kind, name, day]);
    const group = groups.get(key) ?? { party, day, at: [] };
    group.at.push(i);
    groups.set(key, group);
  });
  return [...groups.values()].map((g) => {
    const lines = g.at.map((i) => input.lines[i]!);
    try {
      return importReceipt(
        ctx,
        {
          siteId: input.siteId,
          locationId: input.locationId,
          occurredAt: receivedAt(ctx, g.day),
          source: input.source,
          party: g.party,
          reason: reasonOf(lines),
          lines,
        },
        'lines.0.receivedOn',
      );
    } catch (error) {
      throw inRegister(error, g.at);
    }
  });
}
