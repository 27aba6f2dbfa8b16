import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain';
import { call } from './api/client';
import { useQuery } from './api/useQuery';
import { CenteredMessage } from './components/CenteredMessage';
import { Welcome } from './features/welcome/Welcome';
import { applyLanguage, DEFAULT_LANGUAGE } from './i18n';
import { errorText } from './i18n/errorText';
import { AppFrame } from './layout/AppFrame';
import { NotifyProvider } from './notify';
import { makeTheme } from './theme';

export function App() {
  const { t } = useTranslation();
  const info = useQuery('app.info', {});
  const settings = useQuery('settings.get', {});
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? settings.data?.language ?? DEFAULT_LANGUAGE;

  useEffect(() => applyLanguage(language), [language]);

  const changeLanguage = useCallback(async (next: Language) => {
    const saved = await call('settings.update', { language: next });
    setChosen(saved.language);
  }, []);

  const theme = useMemo(() => makeTheme(language), [language]);
  const reloadInfo = info.reload;

  let body;
  if (info.error)
    body = (
      <CenteredMessage severity="error" text={errorText(t, info.error)} onRetry={reloadInfo} />
    );
  else if (!info.data || settings.loading) body = <CenteredMessage text={t('common.loading')} />;
  else if (!info.data.hasSite) body = <Welcome onReady={reloadInfo} />;
  else body = <AppFrame info={info.data} language={language} onLanguageChange={changeLanguage} />;

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifyProvider>{body}</NotifyProvider>
    </ThemeProvider>
  );
}
