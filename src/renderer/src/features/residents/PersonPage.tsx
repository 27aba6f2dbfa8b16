import type { TFunction } from 'i18next';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import VisibilityIcon from '@mui/icons-material/Visibility';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedNumbers, StayEventRecord, StayHistory } from '@shared/residents';
import { standingOfDaysLeft } from '@shared/observation';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { FormDialog } from '@renderer/components/FormDialog';
import { formatDateTime, formatDay } from '@renderer/i18n/dates';
import { ageText } from '@renderer/i18n/ageText';
import { errorText } from '@renderer/i18n/errorText';
import { standingText } from '@renderer/i18n/observation';
import { useNotify } from '@renderer/notify';
import { BirthDateDialog } from './BirthDateDialog';
import { TemperatureTrend } from '@renderer/features/health/TemperatureTrend';

/** One person: details (numbers masked unless revealed), and every stay with its history. */
export function PersonPage(props: {
  personId: number;
  onBack: () => void;
  onPrintNotice: (stayId: number) => void;
  noticeDialog: ReactNode;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const history = useApiQuery('people.history', { personId: props.personId });
  const [revealed, setRevealed] = useState<{ personId: number; numbers: RevealedNumbers } | null>(
    null,
  );
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [settingBirthDate, setSettingBirthDate] = useState(false);
  const numbers = revealed?.personId === props.personId ? revealed.numbers : null;

  const reveal = () =>
    call('people.reveal', { personId: props.personId }).then(
      (n) => setRevealed({ personId: props.personId, numbers: n }),
      (error: unknown) => notify(errorText(t, error), 'error'),
    );

  const person = history.data?.person;
  return (
    <Box sx={{ p: 2, pt: 1, maxWidth: 1100 }}>
      <Button startIcon={<ArrowBackIcon />} onClick={props.onBack} sx={{ mb: 1 }}>
        {t('person.back')}
      </Button>
      {history.error && <Alert severity="error">{errorText(t, history.error)}</Alert>}
      {person && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
            <Typography variant="h5" component="h1">
              {person.fullName}
            </Typography>
            <Typography color="text.secondary">
              {t(`gender.${person.gender}`)} · {t('people.age')} {ageText(t, person.age)} ·{' '}
              {t(`category.${person.category}`)}
            </Typography>
            {person.vulnerable.map((f) => (
              <Chip key={f} size="small" color="warning" label={t(`vulnerable.${f}`)} />
            ))}
          </Stack>
          <Table size="small" aria-label={t('person.details')}>
            <TableBody>
              <Row label={t(`documentType.${person.documentType}`)}>
                <span data-testid="document-number">
                  {numbers?.documentNumber ?? person.documentMasked}
                </span>
                {can('personal.reveal') && !numbers && (
                  <Button
                    size="small"
                    startIcon={<VisibilityIcon />}
                    onClick={reveal}
                    sx={{ ml: 2 }}
                  >
                    {t('person.reveal')}
                  </Button>
                )}
                {numbers && (
                  <Typography
                    component="span"
                    variant="caption"
                    color="warning.main"
                    sx={{ ml: 2 }}
                  >
                    {t('person.revealed')}
                  </Typography>
                )}
              </Row>
              <Row label={t('people.birthDate')}>
                {person.birthDate ? formatDay(person.birthDate) : t('person.birthDateUnknown')}
                {!person.birthDate && can('people.manage') && (
                  <Button size="small" onClick={() => setSettingBirthDate(true)} sx={{ ml: 2 }}>
                    {t('person.setBirthDate')}
                  </Button>
                )}
              </Row>
              <Row label={t('people.phone')}>{numbers?.phone ?? person.phoneMasked}</Row>
              <Row label={t('person.origin')}>
                {/* The origin list's street, and the arrivals list's own words for it. */}
                {[person.origin, person.originPlace].filter(Boolean).join(' · ') || '—'}
              </Row>
              {person.registeredResidence && (
                <Row label={t('person.registeredResidence')}>{person.registeredResidence}</Row>
              )}
              {person.travel && <Row label={t('person.travel')}>{person.travel}</Row>}
              <Row label={t('person.emergency')}>
                {(numbers?.emergencyContact ?? person.emergencyContact) || '—'}{' '}
                {numbers?.emergencyPhone ?? person.emergencyPhoneMasked}
              </Row>
              {person.notes && (
                <Row label={t('common.notes')}>{numbers?.notes ?? person.notes}</Row>
              )}
            </TableBody>
          </Table>
        </Paper>
      )}
      {history.data && (
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {t('person.stays')}
          </Typography>
          {history.data.stays.length === 0 && (
            <Typography color="text.secondary">{t('person.noStays')}</Typography>
          )}
          {history.data.stays.map((stay) => (
            <StayCard
              key={stay.id}
              stay={stay}
              actions={
                <>
                  {releasable(stay) && (
                    <Button size="small" onClick={() => props.onPrintNotice(stay.id)}>
                      {t('person.printNotice')}
                    </Button>
                  )}
                  {stay.status === 'registered' && can('people.manage') && (
                    <Button size="small" color="warning" onClick={() => setCancelling(stay.id)}>
                      {t('person.cancel')}
                    </Button>
                  )}
                </>
              }
            />
          ))}
        </Stack>
      )}
      <FormDialog
        open={cancelling !== null}
        title={t('person.cancelTitle')}
        fields={[{ name: 'reason', label: t('common.reason'), initial: '', required: true }]}
        onSubmit={(v) => call('stays.cancel', { id: cancelling ?? 0, reason: v.reason ?? '' })}
        onDone={() => {
          setCancelling(null);
          notify(t('person.cancelled'));
        }}
        onClose={() => setCancelling(null)}
      />
      {person && (
        <BirthDateDialog
          open={settingBirthDate}
          person={person}
          onDone={() => {
            setSettingBirthDate(false);
            notify(t('person.birthDateSaved'));
          }}
          onClose={() => setSettingBirthDate(false)}
        />
      )}
      {props.noticeDialog}
    </Box>
  );
}

/** A released stay, or an active one whose observation ends today or ended already. */
function releasable(stay: StayHistory): boolean {
  if (stay.status === 'released') return true;
  return stay.daysLeft !== null && standingOfDaysLeft(stay.daysLeft).state !== 'running';
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" sx={{ width: 160, color: 'text.secondary' }}>
        {label}
      </TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

function StayCard({ stay, actions }: { stay: StayHistory; actions: ReactNode }) {
  const { t } = useTranslation();
  const outcome =
    stay.checkoutKind === null
      ? null
      : t(`person.outcome.${stay.checkoutKind}`, {
          hospital: stay.hospital ?? '',
          reason: stay.checkoutReason ?? '',
        });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="stay-card">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip
          size="small"
          color={stay.status === 'active' ? 'primary' : 'default'}
          label={t(`stayStatus.${stay.status}`)}
        />
        <Typography sx={{ fontWeight: 600 }}>{stay.roomNumber ?? '—'}</Typography>
        <Typography color="text.secondary" sx={{ flex: 1 }}>
          {stay.batchLabel && `${t('person.batch')}：${stay.batchLabel}`}
          {stay.observationEnd &&
            ` · ${t('person.observation', {
              days: stay.observationDays,
              end: formatDay(stay.observationEnd),
            })}`}
          {stay.daysLeft !== null && ` · ${standingText(t, stay.daysLeft)}`}
          {stay.lastExposureDate &&
            ` · ${t('person.lastExposure')} ${formatDay(stay.lastExposureDate)}`}
          {outcome && ` · ${outcome}`}
        </Typography>
        {actions}
      </Stack>
      {stay.events.length > 0 && (
        <Table size="small" aria-label={t('person.events')}>
          <TableBody>
            {stay.events.map((e) => (
              <TableRow key={e.id}>
                <TableCell sx={{ width: 190, color: 'text.secondary' }}>
                  {formatDateTime(e.at)}
                </TableCell>
                <TableCell>{eventText(t, e)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {stay.checkInAt && <TemperatureTrend stayId={stay.id} />}
    </Paper>
  );
}

/** One key per event kind (a literal union keeps t()'s typing shallow). */
const EVENT_TEXT = {
  check_in: 'person.event.check_in',
  move: 'person.event.move',
  extend: 'person.event.extend',
  check_out: 'person.event.check_out',
} as const satisfies Record<StayEventRecord['kind'], string>;

function eventText(t: TFunction, e: StayEventRecord): string {
  const params = {
    from: e.fromRoom ?? '',
    to: e.toRoom ?? '',
    days: e.days ?? 0,
    // A reason the app wrote is a code, put into the reader's language; a typed one shows as is.
    reason: e.reasonCode ? t(`stayEventReason.${e.reasonCode}`) : (e.reason ?? ''),
  };
  // A check-out from no room closed a registration that never checked in.
  if (e.kind === 'check_out' && e.fromRoom === null) return t('person.event.cancelled', params);
  return t(EVENT_TEXT[e.kind], params);
}
