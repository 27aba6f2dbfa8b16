import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTenths, type FeverCase } from '@shared/health';
import { call } from '@renderer/api/client';
import { useCan } from '@renderer/auth/AuthContext';
import { FormDialog } from '@renderer/components/FormDialog';
import { numberOrNaN } from '@renderer/components/numberInput';
import { formatDateTime } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { useFeverCases } from './useFeverCases';
import { ageText } from '@renderer/i18n/ageText';

type Acting = { action: 'recheck' | 'transfer'; fever: FeverCase } | null;

/** Open fever cases, most urgent re-check first: re-check, or transfer to hospital in one step. */
export function FeverPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const canRecord = useCan()('health.record');
  const cases = useFeverCases(siteId);
  const [acting, setActing] = useState<Acting>(null);

  return (
    <>
      {cases.error && <Alert severity="error">{errorText(t, cases.error)}</Alert>}
      {cases.data?.length === 0 && <Alert severity="success">{t('health.noFever')}</Alert>}
      {cases.data && cases.data.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label={t('health.tabFever')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('common.room')}</TableCell>
                <TableCell>{t('people.fullName')}</TableCell>
                <TableCell>{t('health.firstReading')}</TableCell>
                <TableCell>{t('health.latestReading')}</TableCell>
                <TableCell>{t('health.symptoms')}</TableCell>
                <TableCell>{t('health.openedAt')}</TableCell>
                <TableCell>{t('health.recheckDue')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {cases.data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.roomNumber}</TableCell>
                  <TableCell>
                    {c.fullName} · {t(`gender.${c.gender}`)} {ageText(t, c.age)}
                  </TableCell>
                  <TableCell>{formatTenths(c.firstTenths)} ℃</TableCell>
                  <TableCell>
                    <Typography color="error" component="span" sx={{ fontWeight: 600 }}>
                      {formatTenths(c.latestTenths)} ℃
                    </Typography>
                  </TableCell>
                  <TableCell>{c.symptoms.map((s) => t(`symptom.${s}`)).join('、')}</TableCell>
                  <TableCell>{formatDateTime(c.openedAt)}</TableCell>
                  <TableCell>
                    {c.recheckDue ? (
                      <Chip size="small" color="error" label={t('health.recheckOverdue')} />
                    ) : (
                      formatDateTime(c.recheckDueAt)
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {canRecord && (
                      <>
                        <Button
                          size="small"
                          onClick={() => setActing({ action: 'recheck', fever: c })}
                        >
                          {t('health.recheck')}
                        </Button>
                        <Button
                          size="small"
                          color="error"
                          onClick={() => setActing({ action: 'transfer', fever: c })}
                        >
                          {t('health.transfer')}
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <FormDialog
        open={acting?.action === 'recheck'}
        title={t('health.recheckTitle', { name: acting?.fever.fullName ?? '' })}
        fields={[
          { name: 'temperature', label: t('health.temperature'), initial: '', required: true },
        ]}
        onSubmit={(v) =>
          call('fever.recheck', {
            caseId: acting!.fever.id,
            temperature: numberOrNaN(v.temperature ?? ''),
          })
        }
        onDone={() => {
          setActing(null);
          notify(t('health.rechecked'));
        }}
        onClose={() => setActing(null)}
      />
      <FormDialog
        open={acting?.action === 'transfer'}
        title={t('health.transferTitle', { name: acting?.fever.fullName ?? '' })}
        fields={[
          {
            name: 'hospital',
            label: t('health.hospital'),
            initial: t('health.hospitalDefault'),
            required: true,
          },
          {
            name: 'departedAt',
            label: t('health.departedAt'),
            initial: new Date().toISOString(),
            type: 'datetime',
            required: true,
          },
          { name: 'escort', label: t('health.escort'), initial: '', required: true },
          { name: 'vehicle', label: t('health.vehicle'), initial: '', required: true },
        ]}
        onSubmit={async (v) => {
          const done = await call('fever.transfer', {
            caseId: acting!.fever.id,
            hospital: v.hospital ?? '',
            departedAt: v.departedAt ?? '',
            escort: v.escort ?? '',
            vehicle: v.vehicle ?? '',
          });
          notify(
            done.roommates.length > 0
              ? t('health.transferred', { count: done.roommates.length })
              : t('health.transferredAlone', { hospital: done.hospital }),
          );
        }}
        onDone={() => {
          setActing(null);
        }}
        onClose={() => setActing(null)}
      />
    </>
  );
}
