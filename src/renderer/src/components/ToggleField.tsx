import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';

/** A yes/no field of a react-hook-form form, as a labelled switch (or checkbox). */
export function ToggleField<Values extends FieldValues>(props: {
  control: Control<Values, unknown, unknown>;
  name: Path<Values>;
  label: string;
  as?: 'switch' | 'checkbox';
}) {
  const Toggle = props.as === 'checkbox' ? Checkbox : Switch;
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <FormControlLabel
          control={
            <Toggle checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} />
          }
          label={props.label}
        />
      )}
    />
  );
}
