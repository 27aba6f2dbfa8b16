import type { TFunction } from 'i18next';
import type { RoomStatus } from '@shared/domain';
import { ApiCallError } from '@renderer/api/client';
import { formatClock } from './dates';
import { codeKey } from './keys';

/** A refusal in the user's language, from its stable code and params. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.unknown', { message: String(error) });
  const { code, message, params = {} } = error.error;
  const extra: Record<string, string> = {};
  if (typeof params.from === 'string') extra.fromLabel = t(`status.${params.from as RoomStatus}`);
  if (typeof params.to === 'string') extra.toLabel = t(`status.${params.to as RoomStatus}`);
  if (typeof params.status === 'string')
    extra.statusLabel = t([
      codeKey('status', params.status),
      codeKey('stayStatus', params.status),
      codeKey('placement', params.status),
      codeKey('feverStatus', params.status),
    ]);
  // "37.3?" after a temperature typed without (or with a misplaced) decimal point.
  if (typeof params.hint === 'string')
    extra.hintText = params.hint ? t('errors.hint', { hint: params.hint }) : '';
  // A roster refusal names its rules by code: explain each in words.
  if (typeof params.rules === 'string')
    extra.rulesText = params.rules
      .split(',')
      .filter(Boolean)
      .map((rule) =>
        t(codeKey('rule', rule), {
          ...params,
          roleLabel: t(codeKey('staffRole', String(params.role))),
        }),
      )
      .join('；');
  // A write another desk overtook: who (if the trail knows) and the site's clock time.
  if (code === 'CONFLICT') {
    if (!params.by) extra.by = t('conflict.someone');
    extra.time = typeof params.at === 'string' && params.at ? formatClock(params.at) : '—';
  }
  // A refused file names its reason by code, with the limit it passed.
  if (code === 'FILE_REFUSED' && typeof params.reason === 'string')
    extra.reasonText = t(codeKey('fileRefused', params.reason), params);
  return t([codeKey('errors', code), 'errors.unknown'], { ...params, ...extra, message });
}

/** One field code (main's refusal or the form's own check) in words. */
export const fieldCodeText = (t: TFunction, code: string): string =>
  t([codeKey('fieldErrors', code), 'fieldErrors.invalid']);

/** Field → translated problem, for helperText under inputs. */
export function fieldErrorTexts(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError) || !error.error.fields) return {};
  return Object.fromEntries(
    Object.entries(error.error.fields).map(([field, code]) => [field, fieldCodeText(t, code)]),
  );
}
