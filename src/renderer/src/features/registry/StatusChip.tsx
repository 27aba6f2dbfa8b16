import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { RoomStatus } from '@shared/domain';
import { STATUS_COLORS } from './statusColors';

export function StatusChip({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      label={t(`status.${status}`)}
      sx={{ bgcolor: STATUS_COLORS[status].bg, color: STATUS_COLORS[status].fg, fontWeight: 600 }}
    />
  );
}
