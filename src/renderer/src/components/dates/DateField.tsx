import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateInput, type DateInputProps } from './DateInput';

/**
 * A date field of a react-hook-form form: the form holds the contract's text (YYYY-MM-DD, or an
 * ISO instant `withTime`), the picker shows and edits it.
 */
export function DateField<V extends FieldValues, Out = V>(
  props: Omit<DateInputProps, 'value' | 'onChange' | 'name' | 'onBlur' | 'error'> & {
    control: Control<V, unknown, Out>;
    name: Path<V>;
    /** The field's problem in words, if any (from the form's check or main's refusal). */
    problem?: string;
  },
) {
  const { control, name, problem, ...input } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          {...input}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={!!problem}
          helperText={problem}
        />
      )}
    />
  );
}
