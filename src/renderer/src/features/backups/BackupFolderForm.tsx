import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '@shared/backups';
import { call } from '@renderer/api/client';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { looksLikeNetworkPath } from './backupFormat';

/** Where backups go (blank: the data folder's own) and how often, while data changes. */
export function BackupFolderForm(props: { overview: BackupOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [folder, setFolder] = useState(props.overview.isDefaultFolder ? '' : props.overview.folder);
  const [interval, setIntervalText] = useState(String(props.overview.intervalMinutes));
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <SettingsForm
        submit={submit}
        save={() =>
          call('backups.updateSettings', { folder, intervalMinutes: numberOrNaN(interval) })
        }
        onSaved={() => props.onSaved()}
        buttonVariant="outlined"
      >
        <TextField
          label={t('backups.folder')}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          placeholder={t('backups.folderDefault')}
          helperText={submit.fields.folder ?? t('backups.folderHelp')}
          error={!!submit.fields.folder}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {looksLikeNetworkPath(folder) && (
          <Alert severity="warning">{t('backups.networkWarning')}</Alert>
        )}
        <TextField
          label={t('backups.interval')}
          type="number"
          value={interval}
          onChange={(e) => setIntervalText(e.target.value)}
          error={!!submit.fields.intervalMinutes}
          helperText={submit.fields.intervalMinutes}
          slotProps={{ htmlInput: { min: 5, max: 1440 } }}
          sx={{ maxWidth: 260 }}
        />
      </SettingsForm>
    </Paper>
  );
}
