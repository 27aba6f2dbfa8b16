import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

/**
 * A choice among a fixed list (category, receipt source, donor kind, destination), each option
 * named by `labelOf`; `children` adds options after the list.
 */
export function KindSelect<K extends string>(props: {
  label: string;
  value: K;
  options: readonly K[];
  labelOf: (option: K) => string;
  onChange: (option: K) => void;
  size?: 'small';
  minWidth?: number;
  children?: ReactNode;
}) {
  return (
    <TextField
      select
      size={props.size}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as K)}
      sx={{ minWidth: props.minWidth ?? 120 }}
    >
      {props.options.map((o) => (
        <MenuItem key={o} value={o}>
          {props.labelOf(o)}
        </MenuItem>
      ))}
      {props.children}
    </TextField>
  );
}
