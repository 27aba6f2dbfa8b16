import type { TFunction } from 'i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_STATUSES, type BoardFloor, type Building, type RoomStatus } from '@shared/domain';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { FilterSelect } from '@renderer/components/FilterSelect';
import { errorText } from '@renderer/i18n/errorText';
import { standingText } from '@renderer/i18n/observation';
import './RoomBoard.css';
import { STATUS_COLORS } from './statusColors';

interface Props {
  siteId: number;
  buildings: Building[];
  onOpenRoom: (roomId: number) => void;
}

export function floorLabel(t: TFunction, floor: { buildingCode: string; level: number }) {
  return floor.level < 0
    ? t('rooms.basementLabel', { building: floor.buildingCode, level: -floor.level })
    : t('rooms.floorLabel', { building: floor.buildingCode, level: floor.level });
}

const FloorRow = memo(function FloorRow({
  floor,
  onOpenRoom,
}: {
  floor: BoardFloor;
  onOpenRoom: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="board-floor" data-testid={`floor-${floor.buildingCode}-${floor.level}`}>
      <div className="board-floor-label">{floorLabel(t, floor)}</div>
      <div className="board-tiles">
        {floor.rooms.map((room) => {
          const colors = STATUS_COLORS[room.status];
          const statusText = t(`status.${room.status}`);
          return (
            <button
              key={room.id}
              type="button"
              className={
                room.status === 'occupied' && room.daysLeft !== null && room.daysLeft <= 0
                  ? 'board-tile board-tile-due'
                  : 'board-tile'
              }
              data-status={room.status}
              style={{ background: colors.bg, color: colors.fg, borderColor: colors.fg + '33' }}
              title={`${room.number} · ${statusText}${room.statusReason ? ` · ${room.statusReason}` : ''}`}
              aria-label={`${room.number} ${statusText}`}
              onClick={() => onOpenRoom(room.id)}
            >
              <span className="board-tile-head">
                <span className="board-tile-number">{room.number}</span>
                {/* Status in words as well as colour: a grey print or a colour-blind eye reads it. */}
                <span className="board-tile-mark" aria-hidden="true">
                  {t(`statusShort.${room.status}`)}
                </span>
              </span>
              <span className="board-tile-sub">
                {room.status === 'available'
                  ? t('rooms.freeBeds', { free: room.freeBeds, capacity: room.capacity })
                  : room.status === 'occupied' && room.daysLeft !== null
                    ? [
                        `${t('rooms.occupiedTile', { n: room.occupants })}·`,
                        <span key="standing" className="board-tile-standing">
                          {standingText(t, room.daysLeft)}
                        </span>,
                      ]
                    : (room.statusReason ?? '')}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
});

/**
 * Floors drawn in the first frame, more than a screenful; the rest follow two frames later, so a
 * board of thousands of rooms shows its top floors at once instead of after building every tile.
 */
const FIRST_FLOORS = 12;

/** Floors as rows, rooms as colour-coded tiles; counts per status on top double as filters. */
export function RoomBoard({ siteId, buildings, onOpenRoom }: Props) {
  const { t } = useTranslation();
  const [buildingId, setBuildingId] = useState<number | ''>('');
  const [statuses, setStatuses] = useState<RoomStatus[]>([]);
  const board = useApiQuery('rooms.board', {
    siteId,
    ...(buildingId === '' ? {} : { buildingId }),
    ...(statuses.length > 0 ? { statuses } : {}),
  });

  const toggle = (s: RoomStatus) =>
    setStatuses((current) =>
      current.includes(s) ? current.filter((x) => x !== s) : [...current, s],
    );

  const data = board.data;
  const [complete, setComplete] = useState<typeof data>(undefined);
  useEffect(() => {
    if (!data) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setComplete(data));
    });
    return () => cancelAnimationFrame(frame);
  }, [data]);
  const floors = !data ? [] : complete === data ? data.floors : data.floors.slice(0, FIRST_FLOORS);
  return (
    <Box>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
      >
        <FilterSelect
          label={t('common.building')}
          value={buildingId}
          options={buildings.map((b) => ({ value: b.id, label: `${b.code} · ${b.name}` }))}
          onChange={setBuildingId}
        />
        <Stack
          direction="row"
          spacing={1}
          role="group"
          aria-label={t('rooms.filterStatus')}
          sx={{ flexWrap: 'wrap', rowGap: 1 }}
        >
          {ROOM_STATUSES.map((s) => {
            const selected = statuses.includes(s);
            return (
              <Chip
                key={s}
                data-testid={`count-${s}`}
                label={`${t(`status.${s}`)} ${data?.counts[s] ?? '–'}`}
                onClick={() => toggle(s)}
                variant={selected ? 'filled' : 'outlined'}
                aria-pressed={selected}
                sx={{
                  fontWeight: 600,
                  color: STATUS_COLORS[s].fg,
                  borderColor: STATUS_COLORS[s].fg,
                  bgcolor: selected ? STATUS_COLORS[s].bg : 'transparent',
                }}
              />
            );
          })}
        </Stack>
        {data && (
          <Typography variant="body2" color="text.secondary" data-testid="board-totals">
            {t('rooms.totalRooms', { count: data.totalRooms })} ·{' '}
            {t('rooms.beds', { free: data.freeBeds, total: data.totalBeds })}
          </Typography>
        )}
      </Stack>
      {board.error && <Alert severity="error">{errorText(t, board.error)}</Alert>}
      {data && data.totalRooms === 0 && <Alert severity="info">{t('rooms.noRooms')}</Alert>}
      {data && data.totalRooms > 0 && data.floors.length === 0 && (
        <Alert severity="info">{t('rooms.noMatch')}</Alert>
      )}
      <Box data-testid="room-board">
        {floors.map((floor) => (
          <FloorRow key={floor.floorId} floor={floor} onOpenRoom={onOpenRoom} />
        ))}
      </Box>
    </Box>
  );
}
