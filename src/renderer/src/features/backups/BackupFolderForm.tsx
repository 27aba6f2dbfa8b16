import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { BackupOverview } from '@shared/backups';
import { contract } from '@shared/contract';
import { call } from '@renderer/api/client';
import { SettingsForm } from '@renderer/components/SettingsForm';
import { useContractForm } from '@renderer/components/useContractForm';
import { looksLikeNetworkPath } from './backupFormat';

/** Where backups go (blank: the data folder's own) and how often, while data changes. */
export function BackupFolderForm(props: { overview: BackupOverview; onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, submit, problem, text, number } = useContractForm(
    contract['backups.updateSettings'].input,
    {
      folder: props.overview.isDefaultFolder ? '' : props.overview.folder,
      intervalMinutes: props.overview.intervalMinutes,
    },
  );
  const folder = form.watch('folder');
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <SettingsForm
        form={form}
        submit={submit}
        save={(input) => call('backups.updateSettings', input)}
        onSaved={() => props.onSaved()}
        buttonVariant="outlined"
      >
        <TextField
          label={t('backups.folder')}
          {...text('folder')}
          placeholder={t('backups.folderDefault')}
          helperText={problem('folder') ?? t('backups.folderHelp')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {looksLikeNetworkPath(folder) && (
          <Alert severity="warning">{t('backups.networkWarning')}</Alert>
        )}
        <TextField
          label={t('backups.interval')}
          {...number('intervalMinutes')}
          sx={{ maxWidth: 260 }}
        />
      </SettingsForm>
    </Paper>
  );
}
