import { LANGUAGES, type Language, type Settings } from '../../shared/domain';
import type { ServiceContext } from '../services/context';

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  idleLockMinutes: 15,
  sessionMaxHours: 12,
  observationDays: 14,
  allowUnrelatedSharing: false,
  roundTimes: ['08:00', '15:00'],
  roundWindowMinutes: 120,
  feverThresholdTenths: 373,
  recheckMinutes: 30,
  restartRoommatesObservation: true,
  minRestHours: 8,
  stockExpiryDays: 30,
  receiptBackdateDays: 60,
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Stored as "08:00,15:00"; anything unreadable falls back to the default. */
function roundTimesOr(value: string | undefined): string[] {
  const times = value?.split(',') ?? [];
  const ok =
    times.length > 0 &&
    times.every((t) => HH_MM.test(t)) &&
    times.every((t, i) => i === 0 || times[i - 1]! < t);
  return ok ? times : DEFAULT_SETTINGS.roundTimes;
}

function readAll(ctx: ServiceContext): Map<string, string> {
  const rows = ctx.db
    .prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
    .all();
  return new Map(rows.map((r) => [r.key, r.value]));
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function getSettings(ctx: ServiceContext): Settings {
  const stored = readAll(ctx);
  const language = stored.get('language');
  return {
    language: LANGUAGES.includes(language as Language)
      ? (language as Language)
      : DEFAULT_SETTINGS.language,
    idleLockMinutes: intOr(stored.get('idleLockMinutes'), DEFAULT_SETTINGS.idleLockMinutes),
    sessionMaxHours: intOr(stored.get('sessionMaxHours'), DEFAULT_SETTINGS.sessionMaxHours),
    observationDays: intOr(stored.get('observationDays'), DEFAULT_SETTINGS.observationDays),
    allowUnrelatedSharing: stored.get('allowUnrelatedSharing') === 'true',
    roundTimes: roundTimesOr(stored.get('roundTimes')),
    roundWindowMinutes: intOr(
      stored.get('roundWindowMinutes'),
      DEFAULT_SETTINGS.roundWindowMinutes,
    ),
    feverThresholdTenths: intOr(
      stored.get('feverThresholdTenths'),
      DEFAULT_SETTINGS.feverThresholdTenths,
    ),
    recheckMinutes: intOr(stored.get('recheckMinutes'), DEFAULT_SETTINGS.recheckMinutes),
    restartRoommatesObservation: stored.get('restartRoommatesObservation') !== 'false',
    minRestHours: intOr(stored.get('minRestHours'), DEFAULT_SETTINGS.minRestHours),
    stockExpiryDays: intOr(stored.get('stockExpiryDays'), DEFAULT_SETTINGS.stockExpiryDays),
    receiptBackdateDays: intOr(
      stored.get('receiptBackdateDays'),
      DEFAULT_SETTINGS.receiptBackdateDays,
    ),
  };
}

function write(ctx: ServiceContext, values: Record<string, string | number>): void {
  const upsert = ctx.db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(values)) upsert.run(key, String(value));
}

export function setLanguage(ctx: ServiceContext, input: { language: Language }): Settings {
  write(ctx, { language: input.language });
  return getSettings(ctx);
}

export function updateSecuritySettings(
  ctx: ServiceContext,
  input: { idleLockMinutes: number; sessionMaxHours: number },
): Settings {
  write(ctx, input);
  return getSettings(ctx);
}

export function updateObservationSettings(
  ctx: ServiceContext,
  input: { observationDays: number; allowUnrelatedSharing: boolean },
): Settings {
  write(ctx, {
    observationDays: input.observationDays,
    allowUnrelatedSharing: String(input.allowUnrelatedSharing),
  });
  return getSettings(ctx);
}

export function updateHealthSettings(
  ctx: ServiceContext,
  input: {
    roundTimes: string[];
    roundWindowMinutes: number;
    feverThresholdTenths: number;
    recheckMinutes: number;
    restartRoommatesObservation: boolean;
  },
): Settings {
  write(ctx, {
    roundTimes: input.roundTimes.join(','),
    roundWindowMinutes: input.roundWindowMinutes,
    feverThresholdTenths: input.feverThresholdTenths,
    recheckMinutes: input.recheckMinutes,
    restartRoommatesObservation: String(input.restartRoommatesObservation),
  });
  return getSettings(ctx);
}

export function updateRosterSettings(
  ctx: ServiceContext,
  input: { minRestHours: number },
): Settings {
  write(ctx, { minRestHours: input.minRestHours });
  return getSettings(ctx);
}

export function updateStockSettings(
  ctx: ServiceContext,
  input: { stockExpiryDays: number },
): Settings {
  write(ctx, { stockExpiryDays: input.stockExpiryDays });
  return getSettings(ctx);
}

export function updateReceiptBackdate(
  ctx: ServiceContext,
  input: { receiptBackdateDays: number },
): Settings {
  write(ctx, { receiptBackdateDays: input.receiptBackdateDays });
  return getSettings(ctx);
}
