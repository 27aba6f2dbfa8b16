import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ROOM_FEATURES, type RoomFeature } from '@shared/domain';

export function FeaturePicker({
  value,
  onChange,
}: {
  value: RoomFeature[];
  onChange: (next: RoomFeature[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {t('rooms.features')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {ROOM_FEATURES.map((f) => {
          const on = value.includes(f);
          return (
            <Chip
              key={f}
              label={t(`feature.${f}`)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => onChange(on ? value.filter((x) => x !== f) : [...value, f])}
            />
          );
        })}
      </Stack>
    </div>
  );
}
