import type { TFunction } from 'i18next';
import type { RowReason } from '@shared/imports';
import { ApiCallError } from '@renderer/api/client';
import { errorText } from '@renderer/i18n/errorText';
import { codeKey } from '@renderer/i18n/keys';

/** A `fieldErrors` code in words, with its values; an unknown code reads as "invalid". */
export const codeText = (
  t: TFunction,
  code: string,
  params: Record<string, string | number> = {},
) => t([codeKey('fieldErrors', code), 'fieldErrors.invalid'], params);

/** One reason a row is refused: "手机：手机号应为 11 位", or the reason alone without a field. */
export function reasonText(
  t: TFunction,
  reason: RowReason,
  fieldLabel?: (field: string) => string,
): string {
  const text = codeText(t, reason.code, reason.params);
  return reason.field && fieldLabel
    ? t('importPreview.reason', { field: fieldLabel(reason.field), reason: text })
    : text;
}

/** Why a file could not be previewed: the file's own problem (with its numbers), or the refusal. */
export function fileProblemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError && error.error.fields) {
    const texts = Object.values(error.error.fields).map((code) =>
      codeText(t, code, error.error.params),
    );
    if (texts.length > 0) return texts.join(' ');
  }
  return errorText(t, error);
}
