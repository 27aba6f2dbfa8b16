import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const [values, setValues] = useState(() =>
    Object.fromEntries(props.fields.map((f) => [f.name, f.initial])),
  );
  const submit = useSubmit();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(() => props.onSubmit(values)).then((ok) => ok && props.onDone());
      }}
    >
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
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
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
