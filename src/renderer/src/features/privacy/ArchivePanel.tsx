import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_DOMAINS, type ArchiveDomain, type PurgePreview } from '@shared/privacy';
import { call } from '@renderer/api/client';
import { saveFile } from '@renderer/api/saveFile';
import { useCan } from '@renderer/auth/AuthContext';
import { errorText } from '@renderer/i18n/errorText';
import { formatDateTime } from '@renderer/i18n/dates';
import { useNotify } from '@renderer/notify';

export function useDomainLabels(): Record<ArchiveDomain, string> {
  const { t } = useTranslation();
  return {
    people: t('privacy.domainPeople'),
    health: t('privacy.domainHealth'),
    rooms: t('privacy.domainRooms'),
    roster: t('privacy.domainRoster'),
    stock: t('privacy.domainStock'),
    audit: t('privacy.domainAudit'),
  };
}

/**
 * The district's archive: one workbook per domain, downloaded one after another (no zip: each
 * file stays small enough to open, and a failed one can be fetched again alone).
 */
export function ArchivePanel(props: { preview: PurgePreview | undefined; onExported: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const can = useCan();
  const labels = useDomainLabels();
  const [busy, setBusy] = useState<ArchiveDomain | null>(null);
  const mayReveal = can('personal.reveal');

  const exportDomains = async (domains: readonly ArchiveDomain[]) => {
    for (const domain of domains) {
      setBusy(domain);
      try {
        const file = await call('archive.export', { domain });
        saveFile(file);
        notify(t('privacy.exported', { filename: file.filename }));
      } catch (e) {
        notify(errorText(t, e), 'error');
        break;
      } finally {
        setBusy(null);
      }
    }
    props.onExported();
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 760, mb: 2 }}>
      <Typography variant="h6" gutterBottom>
        {t('privacy.archiveTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('privacy.archiveHelp')}
      </Typography>
      {!mayReveal && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('privacy.archiveNeedsReveal')}
        </Alert>
      )}
      <Stack spacing={1}>
        {ARCHIVE_DOMAINS.map((domain) => {
          const last = props.preview?.lastArchive[domain];
          return (
            <Stack key={domain} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button
                variant="outlined"
                disabled={!mayReveal || busy !== null}
                onClick={() => void exportDomains([domain])}
                sx={{ minWidth: 200 }}
              >
                {labels[domain]}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {last
                  ? t('privacy.lastExport', { at: formatDateTime(last) })
                  : t('privacy.neverExported')}
              </Typography>
            </Stack>
          );
        })}
        <Button
          variant="contained"
          disabled={!mayReveal || busy !== null}
          onClick={() => void exportDomains(ARCHIVE_DOMAINS)}
          sx={{ alignSelf: 'flex-start', mt: 1 }}
        >
          {busy ? t('privacy.exporting', { domain: labels[busy] }) : t('privacy.exportAll')}
        </Button>
      </Stack>
    </Paper>
  );
}
