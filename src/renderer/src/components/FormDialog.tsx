import Dialog from '@mui/material/Dialog';
import TextField from '@mui/material/TextField';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldBinder, problemsOf } from './contractForm';
import { DateField } from './dates/DateField';
import { DialogForm } from './DialogForm';
import { useSubmit } from './useSubmit';

export interface FormField {
  name: string;
  label: string;
  initial: string;
  /** `date` holds YYYY-MM-DD, `datetime` an ISO instant (picked on the site's clock). */
  type?: 'text' | 'number' | 'password' | 'date' | 'datetime';
  required?: boolean;
}

type Texts = Record<string, string>;

/**
 * A small dialog of text fields whose refusals show under the fields they concern. With a
 * `schema` (the typed texts turned into the contract's input, then the contract's own schema),
 * bad input is refused before the round trip in main's words, and `onSubmit` gets the input.
 */
export function FormDialog<Input = Texts>(props: {
  open: boolean;
  title: string;
  fields: FormField[];
  schema?: z.ZodType<Input, Texts>;
  onSubmit: (values: Input) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {props.open && <Form {...props} />}
    </Dialog>
  );
}

function Form<Input>(props: Parameters<typeof FormDialog<Input>>[0]) {
  const { t } = useTranslation();
  // Without a schema the texts go as typed (Input is then Texts), checked by main alone.
  const resolver = (props.schema ? zodResolver(props.schema) : undefined) as
    Resolver<Texts, unknown, Input> | undefined;
  const form = useForm<Texts, unknown, Input>({
    defaultValues: Object.fromEntries(props.fields.map((f) => [f.name, f.initial])),
    resolver,
  });
  const submit = useSubmit();
  const problem = problemsOf(t, form.formState.errors, submit.fields);
  const { text } = fieldBinder(form.register, problem);
  const save = async (values: Input) => {
    if (await submit.run(() => props.onSubmit(values))) props.onDone();
  };
  return (
    <DialogForm
      title={props.title}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      // Unchecked forms keep the browser's own required check; checked ones speak main's words.
      noValidate={!!props.schema}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      {props.fields.map((f, i) =>
        f.type === 'date' || f.type === 'datetime' ? (
          <DateField
            key={f.name}
            control={form.control}
            name={f.name}
            label={f.label}
            withTime={f.type === 'datetime'}
            problem={problem(f.name)}
            required={f.required}
            autoFocus={i === 0}
          />
        ) : (
          <TextField
            key={f.name}
            label={f.label}
            type={f.type ?? 'text'}
            {...text(f.name)}
            required={f.required}
            autoFocus={i === 0}
          />
        ),
      )}
    </DialogForm>
  );
}
