import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodayOverview } from '@shared/today';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useAuth } from '@renderer/auth/AuthContext';
import { formatClock, formatDay } from '@renderer/i18n/dates';
import { cardOrder, type CardKey } from './cardOrder';
import type { Navigate } from './links';
import { ContactsCard, FeversCard, RoundsCard } from './TodayHealthCards';
import { PeopleCard, RoomsCard, StaffCard, StockCard } from './TodaySiteCards';

/** Asked again this often while shown: a round closes or a shift starts with no write at all. */
const REFRESH_MS = 60_000;

/**
 * 今日概况: the first screen after sign-in. Main leaves out what the user's roles may not see; the
 * cards come in the order the user's work asks for. Every write that changes a figure refreshes
 * it (api/domains.ts), and the minute poll catches what time alone changes.
 */
export function TodayPage(props: { siteId: number; navigate: Navigate }) {
  const { t } = useTranslation();
  const roles = useAuth().status.user?.roles ?? [];
  const overview = useApiQuery(
    'today.overview',
    { siteId: props.siteId },
    { refetchInterval: REFRESH_MS },
  );
  const data = overview.data;
  if (!data) {
    return <Typography sx={{ p: 3 }}>{t('today.loading')}</Typography>;
  }
  const cards = cardOrder(roles)
    .map((key) => renderCard(key, data, props.navigate))
    .filter((card): card is ReactElement => card !== null);
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2 }}>
        <Typography variant="h5" component="h1">
          {t('today.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('today.updated', {
            day: formatDay(data.day),
            at: formatClock(data.generatedAt),
          })}
        </Typography>
      </Box>
      <Box
        data-testid="today-cards"
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
          alignItems: 'start',
        }}
      >
        {cards}
      </Box>
    </Box>
  );
}

function renderCard(key: CardKey, data: TodayOverview, navigate: Navigate): ReactElement | null {
  switch (key) {
    case 'rooms':
      return data.rooms && <RoomsCard key={key} rooms={data.rooms} navigate={navigate} />;
    case 'people':
      return data.people && <PeopleCard key={key} people={data.people} navigate={navigate} />;
    case 'rounds':
      return (
        data.rounds && (
          <RoundsCard key={key} rounds={data.rounds} now={data.generatedAt} navigate={navigate} />
        )
      );
    case 'fevers':
      return data.fevers && <FeversCard key={key} fevers={data.fevers} navigate={navigate} />;
    case 'contacts':
      return (
        data.contacts && <ContactsCard key={key} contacts={data.contacts} navigate={navigate} />
      );
    case 'staff':
      return data.staff && <StaffCard key={key} staff={data.staff} navigate={navigate} />;
    case 'stock':
      return data.stock && <StockCard key={key} stock={data.stock} navigate={navigate} />;
  }
}
