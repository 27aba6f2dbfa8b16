import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_DOMAINS, type ArchiveDomain, type PurgePreview } from '@shared/privacy';
import { ApiCallError, call } from '@renderer/api/client';
import { saveFile } from '@renderer/api/saveFile';
import { useCan } from '@renderer/auth/AuthContext';
import { errorText } from '@renderer/i18n/errorText';
import { formatDateTime } from '@renderer/i18n/dates';
import { useNotify } from '@renderer/notify';
import {
  ArchiveProtectionChoice,
  EMPTY_PROTECTION,
  protectionOf,
  type ProtectionDraft,
} from './ArchiveProtectionChoice';

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
 * The district's archive: one workbook per domain, downloaded one after another (one file each:
 * small enough to open, and a failed one can be fetched again alone), each inside its own AES-256
 * zip under the password typed here unless the administrator chose plain workbooks aloud.
 */
export function ArchivePanel(props: { preview: PurgePreview | undefined; onExported: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const can = useCan();
  const labels = useDomainLabels();
  const [busy, setBusy] = useState<ArchiveDomain | null>(null);
  const [draft, setDraft] = useState<ProtectionDraft>(EMPTY_PROTECTION);
  const [passwordProblem, setPasswordProblem] = useState<string | undefined>();
  const mayReveal = can('personal.reveal');
  const protection = protectionOf(draft);

  const exportDomains = async (domains: readonly ArchiveDomain[]) => {
    if (!protection) return;
    for (const domain of domains) {
      setBusy(domain);
      try {
        const file = await call('archive.export', { domain, protection });
        saveFile(file);
        notify(t('privacy.exported', { filename: file.filename }));
      } catch (e) {
        const text = errorText(t, e);
        if (e instanceof ApiCallError && e.error.fields?.['protection.password'])
          setPasswordProblem(text);
        notify(text, 'error');
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
      <ArchiveProtectionChoice
        draft={draft}
        onChange={(next) => {
          setDraft(next);
          setPasswordProblem(undefined);
        }}
        serverProblem={passwordProblem}
      />
      <Stack spacing={1}>
        {ARCHIVE_DOMAINS.map((domain) => {
          const last = props.preview?.lastArchive[domain];
          return (
            <Stack key={domain} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button
                variant="outlined"
                disabled={!mayReveal || busy !== null || protection === null}
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
          disabled={!mayReveal || busy !== null || protection === null}
          onClick={() => void exportDomains(ARCHIVE_DOMAINS)}
          sx={{ alignSelf: 'flex-start', mt: 1 }}
        >
          {busy ? t('privacy.exporting', { domain: labels[busy] }) : t('privacy.exportAll')}
        </Button>
      </Stack>
    </Paper>
  );
}
