import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ARCHIVE_DOMAINS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  type PurgeCounts,
  type PurgePreview,
  type PurgeResult,
} from '@shared/privacy';
import { call } from '@renderer/api/client';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { useDomainLabels } from './ArchivePanel';
import { PurgeDialog } from './PurgeDialog';

function useCountLabels(): Record<keyof PurgeCounts, string> {
  const { t } = useTranslation();
  return {
    people: t('privacy.countPeople'),
    stays: t('privacy.countStays'),
    stayEvents: t('privacy.countStayEvents'),
    readings: t('privacy.countReadings'),
    feverCases: t('privacy.countFeverCases'),
    transfers: t('privacy.countTransfers'),
    contactFlags: t('privacy.countContactFlags'),
    staffPhones: t('privacy.countStaffPhones'),
    staffUnavailability: t('privacy.countStaffUnavailability'),
    donorContacts: t('privacy.countDonorContacts'),
    auditEntries: t('privacy.countAuditEntries'),
  };
}

const megabytes = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/** Retention setting, what a purge at today's cutoff would touch, and the purge itself. */
export function PurgePanel(props: { preview: PurgePreview }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { preview } = props;
  const countLabels = useCountLabels();
  const domainLabels = useDomainLabels();
  const [days, setDays] = useState(String(preview.retentionDays));
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<PurgeResult | null>(null);
  const submit = useSubmit();
  const notArchived = ARCHIVE_DOMAINS.filter((d) => !preview.lastArchive[d]);
  const nothingDue = Object.values(preview.counts).every((n) => n === 0);

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 760 }}>
      <Typography variant="h6" gutterBottom>
        {t('privacy.purgeTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('privacy.purgeHelp')}
      </Typography>
      <Stack
        component="form"
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', mb: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          void submit
            .run(() => call('privacy.setRetention', { days: numberOrNaN(days) }))
            .then((ok) => {
              if (!ok) return;
              notify(t('common.saved'));
            });
        }}
      >
        <TextField
          label={t('privacy.retentionDays')}
          type="number"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={!!submit.fields.days}
          helperText={submit.fields.days ?? t('privacy.retentionHelp')}
          sx={{ width: 340 }}
          slotProps={{ htmlInput: { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS } }}
        />
        <Button type="submit" variant="outlined" disabled={submit.busy} sx={{ mt: 1 }}>
          {t('common.save')}
        </Button>
      </Stack>
      {submit.message && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {submit.message}
        </Alert>
      )}
      <Typography variant="subtitle2" data-testid="purge-cutoff">
        {t('privacy.cutoff', { cutoff: preview.cutoffDay, kept: preview.peopleKept })}
      </Typography>
      <Table size="small" sx={{ mb: 2, maxWidth: 480 }}>
        <TableBody>
          {(Object.keys(countLabels) as (keyof PurgeCounts)[]).map((key) => (
            <TableRow key={key}>
              <TableCell>{countLabels[key]}</TableCell>
              <TableCell align="right" data-testid={`purge-count-${key}`}>
                {preview.counts[key]}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {notArchived.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('privacy.notArchived', {
            domains: notArchived.map((d) => domainLabels[d]).join('、'),
          })}
        </Alert>
      )}
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('privacy.backupsNote')}
      </Alert>
      <Button
        variant="contained"
        color="error"
        disabled={nothingDue}
        onClick={() => setConfirming(true)}
      >
        {t('privacy.purgeButton')}
      </Button>
      {result && (
        <Alert
          severity={
            result.compacted && result.walTruncated && !result.backups?.error
              ? 'success'
              : 'warning'
          }
          sx={{ mt: 2 }}
          data-testid="purge-result"
        >
          {t('privacy.purged', {
            people: result.counts.people,
            audit: result.counts.auditEntries,
            seconds: (result.durationMs / 1000).toFixed(1),
            before: megabytes(result.bytesBefore),
            after: megabytes(result.bytesAfter),
          })}
          {!result.compacted && ` ${t('privacy.notCompacted')}`}
          {result.compacted && !result.walTruncated && ` ${t('privacy.walBusy')}`}
          {result.backups &&
            ` ${
              result.backups.error
                ? t('privacy.backupsNotReplaced', { error: result.backups.error })
                : t('privacy.backupsReplaced', { removed: result.backups.removed })
            }`}
        </Alert>
      )}
      {confirming && (
        <PurgeDialog
          preview={preview}
          onClose={() => setConfirming(false)}
          onDone={(r) => {
            setConfirming(false);
            setResult(r);
          }}
        />
      )}
    </Paper>
  );
}
