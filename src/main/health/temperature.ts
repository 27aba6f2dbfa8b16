import { formatTenths, MAX_TEMPERATURE_TENTHS, MIN_TEMPERATURE_TENTHS } from '../../shared/health';
import { DomainError } from '../services/errors';

/**
 * A typed temperature (°C, at most one decimal) as whole tenths. Out of range is refused with the
 * reading the typist probably meant: 373 → "37.3?", 3.73 → "37.3?".
 */
export function temperatureTenths(typed: number): number {
  const min = MIN_TEMPERATURE_TENTHS / 10;
  const max = MAX_TEMPERATURE_TENTHS / 10;
  if (typed < min || typed > max) {
    // The likely slip: a missing or a misplaced decimal point.
    const guess = [typed / 10, typed * 10].find(
      (t) => t >= min && t <= max && Math.abs(t * 10 - Math.round(t * 10)) < 1e-6,
    );
    throw new DomainError(
      'TEMPERATURE_OUT_OF_RANGE',
      `${typed} °C is outside ${formatTenths(MIN_TEMPERATURE_TENTHS)}–${formatTenths(MAX_TEMPERATURE_TENTHS)}`,
      {
        min: formatTenths(MIN_TEMPERATURE_TENTHS),
        max: formatTenths(MAX_TEMPERATURE_TENTHS),
        hint: guess === undefined ? '' : guess.toFixed(1),
      },
      { temperature: 'temperature_range' },
    );
  }
  const tenths = Math.round(typed * 10);
  if (Math.abs(typed * 10 - tenths) > 1e-6) {
    throw new DomainError(
      'INVALID_INPUT',
      `${typed} has more than one decimal`,
      {},
      { temperature: 'one_decimal' },
    );
  }
  return tenths;
}
