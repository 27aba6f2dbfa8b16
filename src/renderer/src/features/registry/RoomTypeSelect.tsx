import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ROOM_TYPES, type RoomType } from '@shared/domain';

export function RoomTypeSelect({
  value,
  onChange,
  error,
}: {
  value: RoomType;
  onChange: (t: RoomType) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={t('rooms.type')}
      value={value}
      onChange={(e) => onChange(e.target.value as RoomType)}
      error={!!error}
      helperText={error}
      sx={{ minWidth: 140 }}
    >
      {ROOM_TYPES.map((type) => (
        <MenuItem key={type} value={type}>
          {t(`roomType.${type}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
