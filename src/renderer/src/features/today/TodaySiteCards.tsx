import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ROOM_STATUSES } from '@shared/domain';
import type { StockAlerts } from '@shared/stockAlerts';
import type { TodayOverview, TodayPeople, TodayShift, TodayStaff } from '@shared/today';
import { formatClock } from '@renderer/i18n/dates';
import { TODAY_LINKS, type Navigate } from './links';
import { Figure, LinkLine, TodayCard } from './TodayCard';

const Figures = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>{children}</Box>
);

export function RoomsCard(props: {
  rooms: NonNullable<TodayOverview['rooms']>;
  navigate: Navigate;
}) {
  const { t } = useTranslation();
  return (
    <TodayCard title={t('today.rooms', { total: props.rooms.total })} testId="today-rooms">
      <Figures>
        {ROOM_STATUSES.map((s) => (
          <Figure
            key={s}
            label={t(`status.${s}`)}
            value={props.rooms.byStatus[s]}
            onOpen={() => props.navigate(TODAY_LINKS.rooms)}
          />
        ))}
      </Figures>
    </TodayCard>
  );
}

export function PeopleCard(props: { people: TodayPeople; navigate: Navigate }) {
  const { t } = useTranslation();
  const residents = () => props.navigate(TODAY_LINKS.residents);
  return (
    <TodayCard title={t('today.people')} testId="today-people">
      <Figures>
        <Figure
          label={t('today.inResidence')}
          value={props.people.inResidence}
          onOpen={residents}
        />
        <Figure
          label={t('today.arrivalsExpected')}
          value={props.people.arrivalsExpected}
          onOpen={() => props.navigate(TODAY_LINKS.arrivals)}
        />
        <Figure label={t('today.dueToday')} value={props.people.dueToday} onOpen={residents} />
        <Figure
          label={t('today.dueTomorrow')}
          value={props.people.dueTomorrow}
          onOpen={residents}
        />
      </Figures>
    </TodayCard>
  );
}

/** Who is on duty now, and the next shift with the places still short. */
export function StaffCard(props: { staff: TodayStaff; navigate: Navigate }) {
  const { t } = useTranslation();
  const roster = () => props.navigate(TODAY_LINKS.roster);
  const line = (s: TodayShift) => (
    <LinkLine key={`${s.post}-${s.startsAt}`} onOpen={roster} alert={s.staff.length < s.required}>
      {t('today.shiftLine', {
        post: s.post,
        shift: s.shift,
        names: s.staff.length > 0 ? s.staff.join('、') : t('today.nobody'),
      })}
    </LinkLine>
  );
  const { staff } = props;
  if (staff.roster !== 'published' && staff.now.length === 0 && staff.next.length === 0) {
    return (
      <TodayCard title={t('today.staff')} testId="today-staff">
        <LinkLine onOpen={roster}>
          {t(staff.roster === 'none' ? 'today.noRoster' : 'today.draftRoster')}
        </LinkLine>
      </TodayCard>
    );
  }
  return (
    <TodayCard title={t('today.staff')} testId="today-staff">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('today.nowOnDuty')}
      </Typography>
      {staff.now.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('today.nobodyNow')}
        </Typography>
      ) : (
        staff.now.map(line)
      )}
      {staff.next.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('today.noNext')}
        </Typography>
      ) : (
        <>
          <Figures>
            <Figure
              label={t('today.next', { at: formatClock(staff.next[0]!.startsAt) })}
              value={
                staff.nextGaps > 0
                  ? t('today.nextGaps', { count: staff.nextGaps })
                  : t('today.nextFull')
              }
              onOpen={roster}
              tone={staff.nextGaps > 0 ? 'alert' : undefined}
            />
          </Figures>
          {staff.next.map(line)}
        </>
      )}
    </TodayCard>
  );
}

/** How many items run low, lots expire or have expired; the items with the fewest days left. */
export function StockCard(props: { stock: StockAlerts; navigate: Navigate }) {
  const { t } = useTranslation();
  const open = () => props.navigate(TODAY_LINKS.stock);
  const { low, expiring, expired, supply } = props.stock;
  const quiet = low.length + expiring.length + expired.length + supply.length === 0;
  return (
    <TodayCard title={t('today.stock')} testId="today-stock">
      {quiet ? (
        <LinkLine onOpen={open}>{t('today.stockQuiet')}</LinkLine>
      ) : (
        <>
          <Figures>
            <Figure
              label={t('today.low', { count: low.length })}
              value={low.length}
              onOpen={open}
              tone={low.length > 0 ? 'alert' : undefined}
            />
            <Figure
              label={t('today.expiring', { count: expiring.length })}
              value={expiring.length}
              onOpen={open}
            />
            <Figure
              label={t('today.expired', { count: expired.length })}
              value={expired.length}
              onOpen={open}
              tone={expired.length > 0 ? 'alert' : undefined}
            />
          </Figures>
          {supply.slice(0, 3).map((s) => (
            <LinkLine key={`${s.name}-${s.spec}`} onOpen={open}>
              {t('today.daysOfSupply', { name: s.name, days: s.daysOfSupply })}
            </LinkLine>
          ))}
        </>
      )}
    </TodayCard>
  );
}
