import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId, type ChangeEvent } from 'react';

/**
 * An outlined text field as TextField draws it, for the first screens (sign-in, unlock): TextField
 * also brings its `select` variant (Select, Menu, Popover, Modal, about 45 KB), which the first
 * script cannot afford (issue 20: at most 600 KB before the sign-in form shows).
 */
export function PlainTextField(props: {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  autoFocus?: boolean;
  required?: boolean;
}) {
  const id = useId();
  return (
    <FormControl variant="outlined" required={props.required}>
      <InputLabel htmlFor={id}>{props.label}</InputLabel>
      <OutlinedInput
        id={id}
        label={props.label}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={props.onChange}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
      />
    </FormControl>
  );
}
