import Dialog from '@mui/material/Dialog';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { DialogForm } from './DialogForm';
import { useSubmit } from './useSubmit';

export interface FormField {
  name: string;
  label: string;
  initial: string;
  type?: 'text' | 'number' | 'password' | 'datetime-local';
  required?: boolean;
}

/** A small dialog of text fields whose refusals show under the fields they concern. */
export function FormDialog(props: {
  open: boolean;
  title: string;
  fields: FormField[];
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {props.open && <Form {...props} />}
    </Dialog>
  );
}

function Form(props: Parameters<typeof FormDialog>[0]) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(props.fields.map((f) => [f.name, f.initial])),
  );
  const submit = useSubmit();
  return (
    <DialogForm
      title={props.title}
      submit={submit}
      save={() => props.onSubmit(values)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      {props.fields.map((f, i) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type ?? 'text'}
          slotProps={f.type === 'datetime-local' ? { inputLabel: { shrink: true } } : {}}
          value={values[f.name] ?? ''}
          onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          required={f.required}
          autoFocus={i === 0}
          error={!!submit.fields[f.name]}
          helperText={submit.fields[f.name]}
        />
      ))}
    </DialogForm>
  );
}
