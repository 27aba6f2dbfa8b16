import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldBinder, problemsOf } from './contractForm';
import { useSubmit } from './useSubmit';

/**
 * A form checked by a contract schema before the round trip (the values as typed in, the
 * contract's input out), saved through `useSubmit` so main's own refusals show under the same
 * fields. Returns the form, the submit state, each field's problem and MUI field binders.
 */
export function useContractForm<Values extends FieldValues, Input>(
  schema: z.ZodType<Input, Values>,
  defaultValues: DefaultValues<Values>,
) {
  const { t } = useTranslation();
  // zodResolver's overloads cannot follow a generic schema; its answer is this form's resolver.
  const resolver = zodResolver(schema as z.ZodType<Input, FieldValues>) as Resolver<
    Values,
    unknown,
    Input
  >;
  const form = useForm<Values, unknown, Input>({ resolver, defaultValues });
  const submit = useSubmit();
  const problem = problemsOf(t, form.formState.errors, submit.fields);
  return { form, submit, problem, ...fieldBinder(form.register, problem) };
}
