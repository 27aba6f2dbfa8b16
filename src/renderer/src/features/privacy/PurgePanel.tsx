import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ARCHIVE_DOMAINS,
  type PurgeCounts,
  type PurgePreview,
  type PurgeResult,
} from '@shared/privacy';
import { useDomainLabels } from './ArchivePanel';
import { PurgeDialog } from './PurgeDialog';
import { RetentionForm } from './RetentionForm';

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
  const { preview } = props;
  const countLabels = useCountLabels();
  const domainLabels = useDomainLabels();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<PurgeResult | null>(null);
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
      <RetentionForm retentionDays={preview.retentionDays} />
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
