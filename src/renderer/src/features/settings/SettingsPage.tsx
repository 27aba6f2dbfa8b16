import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AppInfo, type Language } from '@shared/domain';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ wordBreak: 'break-all' }}>{value}</Typography>
    </Box>
  );
}

export function SettingsPage(props: {
  info: AppInfo;
  language: Language;
  onLanguageChange: (language: Language) => Promise<void>;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  return (
    <Box sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('settings.title')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={3}>
          <FormControl sx={{ maxWidth: 280 }}>
            <InputLabel id="language-label">{t('settings.language')}</InputLabel>
            <Select
              labelId="language-label"
              label={t('settings.language')}
              value={props.language}
              onChange={(e) =>
                props
                  .onLanguageChange(e.target.value as Language)
                  .catch((error: unknown) => notify(errorText(t, error), 'error'))
              }
            >
              {LANGUAGES.map((l) => (
                <MenuItem key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Fact label={t('settings.dataLocation')} value={props.info.dataDir ?? ''} />
          <Fact
            label={t('settings.shell')}
            value={
              props.info.shell === 'electron'
                ? t('settings.shellElectron')
                : t('settings.shellBrowser')
            }
          />
          <Fact label={t('settings.version')} value={props.info.version} />
          <Fact label={t('settings.schema')} value={String(props.info.schemaVersion)} />
        </Stack>
      </Paper>
    </Box>
  );
}
