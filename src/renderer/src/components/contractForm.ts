import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { z } from 'zod';
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

/**
 * The first problem found under a field, however deep: a field typed as one line but sent as a
 * list ("箱=50, 包=10") is checked item by item, so its problem sits at `units.1.factor`.
 */
export function firstFieldError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('type' in error && typeof error.type === 'string') return error as FieldError;
  for (const inner of Object.values(error)) {
    const found = firstFieldError(inner);
    if (found) return found;
  }
  return undefined;
}

/**
 * Each field's problem by name: the form's own check first, else main's refusal of that field or
 * of anything under it.
 */
export function problemsOf(
  t: TFunction,
  errors: Record<string, unknown>,
  serverFields: Record<string, string>,
): (field: string) => string | undefined {
  return (field) =>
    fieldProblem(
      t,
      firstFieldError(errors[field]),
      serverFields[field] ??
        Object.entries(serverFields).find(([key]) => key.startsWith(`${field}.`))?.[1],
    );
}

/** Text and number inputs registered on the form, as MUI TextField props showing their problem. */
export function fieldBinder<V extends FieldValues>(
  register: UseFormRegister<V>,
  problem: (field: string) => string | undefined,
) {
  const shown = (name: Path<V>) => ({ error: !!problem(name), helperText: problem(name) });
  return {
    text: (name: Path<V>) => {
      const { ref, ...rest } = register(name);
      return { ...rest, inputRef: ref, ...shown(name) };
    },
    number: (name: Path<V>) => ({ ...numberField(register, name), ...shown(name) }),
  };
}

/**
 * A dialog's typed texts (`FormDialog`'s fields by name) made into a contract input by `build`,
 * then checked by the contract's own `schema`: the `schema` a `FormDialog` takes.
 */
export function textsInto<Out, In>(
  schema: z.ZodType<Out, In>,
  build: (texts: Record<string, string>) => In,
): z.ZodType<Out, Record<string, string>> {
  // The transform's output is typed `Awaited<In>`; `build` returns no promise, so it is `In`.
  return z
    .record(z.string(), z.string())
    .transform(build)
    .pipe(schema as z.ZodType<Out, Awaited<In>>);
}
