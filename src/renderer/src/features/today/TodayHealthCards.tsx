import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RoundProgress } from '@shared/health';
import type { TodayContact, TodayFever } from '@shared/today';
import { formatDay } from '@renderer/i18n/dates';
import { TODAY_LINKS, type Navigate } from './links';
import { Figure, LinkLine, TodayCard } from './TodayCard';

/** Each of today's rounds: measured of due, missed once closed, fevers, then floor by floor. */
export function RoundsCard(props: { rounds: RoundProgress[]; now: string; navigate: Navigate }) {
  const { t } = useTranslation();
  const open = () => props.navigate(TODAY_LINKS.rounds);
  return (
    <TodayCard title={t('today.rounds')} testId="today-rounds">
      {props.rounds.map((r) => {
        const state = r.closed
          ? t('today.roundClosed')
          : props.now >= r.startsAt
            ? t('today.roundOpen')
            : t('today.roundNotYet');
        const short = (missing: number) =>
          r.closed
            ? t('today.missed', { count: missing })
            : t('today.toMeasure', { count: missing });
        return (
          <Box key={r.slot} data-testid={`today-round-${r.slot}`}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('today.round', { time: r.time })} · {state}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
              <Figure
                label={t('today.measured', { recorded: r.recorded, expected: r.expected })}
                value={`${r.recorded}/${r.expected}`}
                onOpen={open}
              />
              <Figure
                label={short(r.missing)}
                value={r.missing}
                onOpen={open}
                tone={r.closed && r.missing > 0 ? 'alert' : undefined}
              />
              <Figure
                label={t('today.roundFevers', { count: r.fevers })}
                value={r.fevers}
                onOpen={open}
                tone={r.fevers > 0 ? 'alert' : undefined}
              />
            </Box>
            {r.floors.map((f) => (
              <LinkLine key={f.floorId} onOpen={open} alert={r.closed && f.missing > 0}>
                {t('today.floor', { building: f.buildingCode, level: f.level })}：
                {t('today.measured', { recorded: f.recorded, expected: f.expected })}
                {f.missing > 0 ? ` · ${short(f.missing)}` : ''}
                {f.fevers > 0 ? ` · ${t('today.roundFevers', { count: f.fevers })}` : ''}
              </LinkLine>
            ))}
          </Box>
        );
      })}
    </TodayCard>
  );
}

/** The open fever cases by name and room, the most urgent re-check first. */
export function FeversCard(props: { fevers: TodayFever[]; navigate: Navigate }) {
  const { t } = useTranslation();
  return (
    <TodayCard
      title={t('today.fevers', { count: props.fevers.length })}
      testId="today-fevers"
      tone={props.fevers.length > 0 ? 'alert' : undefined}
    >
      {props.fevers.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('today.noFevers')}
        </Typography>
      )}
      {props.fevers.map((f) => (
        <LinkLine key={f.caseId} alert onOpen={() => props.navigate(TODAY_LINKS.fevers)}>
          {t('today.feverLine', {
            name: f.fullName,
            room: f.roomNumber ?? '—',
            temperature: (f.latestTenths / 10).toFixed(1),
          })}
          {f.recheckDue ? ` · ${t('today.recheckDue')}` : ''}
        </LinkLine>
      ))}
    </TodayCard>
  );
}

/** Roommates of a transferred fever case, still in residence: each opens the person. */
export function ContactsCard(props: { contacts: TodayContact[]; navigate: Navigate }) {
  const { t } = useTranslation();
  return (
    <TodayCard
      title={t('today.contacts', { count: props.contacts.length })}
      testId="today-contacts"
    >
      {props.contacts.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('today.noContacts')}
        </Typography>
      )}
      {props.contacts.map((c) => (
        <LinkLine key={c.stayId} onOpen={() => props.navigate(TODAY_LINKS.person(c.personId))}>
          {t('today.contactLine', { name: c.fullName, room: c.roomNumber })}
          {c.observationRestarted && c.observationEnd
            ? ` · ${t('today.restarted', { end: formatDay(c.observationEnd) })}`
            : ''}
        </LinkLine>
      ))}
    </TodayCard>
  );
}
