import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { fieldCodeOf } from '@shared/fieldErrors';
import { fieldCodeText } from '@renderer/i18n/errorText';

/**
 * A form checked in the renderer by the contract's own zod schema (react-hook-form + zodResolver)
 * still saves through `useSubmit`, so main's refusals keep showing too. These bind the two to MUI:
 * the form's problem names its field by main's code, and so reads the very words main's would.
 */
export function fieldProblem(
  t: TFunction,
  clientError: FieldError | undefined,
  serverText: string | undefined,
): string | undefined {
  if (clientError?.type)
    return fieldCodeText(
      t,
      fieldCodeOf({ code: String(clientError.type), message: clientError.message }),
    );
  return serverText;
}

/** A number input registered on the form, as MUI TextField props (its ref is the input's). */
export function numberField<V extends FieldValues>(register: UseFormRegister<V>, name: Path<V>) {
  const { ref, ...rest } = register(name, { valueAsNumber: true });
  return { ...rest, inputRef: ref, type: 'number' as const };
}
