import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

/** A select whose empty value reads "All" (the label stays up so "All" is visible). */
export function FilterSelect<V extends string | number>(props: {
  label: string;
  value: V | '';
  options: { value: V; label: string }[];
  onChange: (value: V | '') => void;
  width?: number;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={props.label}
      size={props.size ?? 'medium'}
      value={props.value}
      onChange={(e) => {
        const raw = e.target.value;
        const match = props.options.find((o) => String(o.value) === String(raw));
        props.onChange(match ? match.value : '');
      }}
      sx={{ minWidth: props.width ?? 170 }}
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
    >
      <MenuItem value="">{t('common.all')}</MenuItem>
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
