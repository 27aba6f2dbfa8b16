import Alert from '@mui/material/Alert';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWithPreload } from 'react-lazy-with-preload';
import type { Language } from '@shared/domain';
import { AUTH_CHANGED_EVENT, call } from './api/client';
import { useLiveChanges } from './api/liveChanges';
import { forgetSignedInAnswers, queryClient } from './api/queryClient';
import { queryKeyOf, useApiQuery } from './api/useApiQuery';
import { AuthContext } from './auth/AuthContext';
import { useIdleLock } from './auth/useIdleLock';
import { CenteredMessage } from './components/CenteredMessage';
import { OfflineBanner } from './components/OfflineBanner';
import { SignedOutCommands } from './app/SignedOutCommands';
import { LockScreen } from '@renderer/features/accounts/LockScreen';
import { LoginScreen } from '@renderer/features/accounts/LoginScreen';
import { applyLanguage, DEFAULT_LANGUAGE } from './i18n';
import { errorText } from './i18n/errorText';
import { SECTION_PAGES } from './layout/sections';
import { NotifyProvider } from './notify';
import { makeTheme } from './theme';

/** Shown only when the data file could not be opened: loaded then, not with every start. */
const RecoveryScreen = lazy(() =>
  import('@renderer/features/backups/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })),
);

/**
 * The frame and its sections load after the first screen, not with it (issue 20: a fast sign-in
 * form); the frame and the home screen (今日概况) are fetched while the sign-in form waits for a
 * password, so signing in does not wait for them either. Setting up happens once per site, so it loads only then.
 */
const AppFrame = lazyWithPreload(() =>
  import('./layout/AppFrame').then((m) => ({ default: m.AppFrame })),
);
const SetupScreen = lazy(() =>
  import('@renderer/features/accounts/SetupScreen').then((m) => ({ default: m.SetupScreen })),
);

/** Signing in (or setting up) opens 今日概况 whatever screen the last session left in the address. */
const landOnHome = () => window.history.replaceState(null, '', '#/today');

export function App() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});
  const settings = useApiQuery('settings.get', {});
  const refreshAuth = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeyOf('auth.status', {}) }),
    [],
  );
  const auth = useApiQuery(
    'auth.status',
    {},
    { skip: !info.data || info.data.needsSetup || info.data.recovery },
  );
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? settings.data?.language ?? DEFAULT_LANGUAGE;

  useEffect(() => void applyLanguage(language), [language]);
  const signedInUser = auth.data?.state === 'active' ? auth.data.user?.id : undefined;
  useEffect(() => {
    if (signedInUser === undefined) forgetSignedInAnswers();
    // Through the host, app.info tells a signed-out desk less (no data folder): ask again.
    else void queryClient.invalidateQueries({ queryKey: queryKeyOf('app.info', {}) });
  }, [signedInUser]);
  // Any call refused for a session reason (signed out, expired, locked) brings the right screen up.
  useEffect(() => {
    window.addEventListener(AUTH_CHANGED_EVENT, refreshAuth);
    return () => window.removeEventListener(AUTH_CHANGED_EVENT, refreshAuth);
  }, [refreshAuth]);
  useIdleLock(auth.data?.idleLockMinutes ?? 15, auth.data?.state === 'active', refreshAuth);
  useLiveChanges(signedInUser !== undefined);
  const signedOut = auth.data?.state === 'signedOut';
  useEffect(() => {
    if (!signedOut) return;
    void AppFrame.preload();
    void SECTION_PAGES.today.preload();
  }, [signedOut]);

  const changeLanguage = useCallback(async (next: Language) => {
    const saved = await call('settings.setLanguage', { language: next });
    setChosen(saved.language);
  }, []);
  const theme = useMemo(() => makeTheme(language), [language]);
  const reloadInfo = info.reload;
  const authValue = useMemo(
    () => (auth.data ? { status: auth.data, refresh: refreshAuth } : null),
    [auth.data, refreshAuth],
  );

  let body;
  let framed = false;
  const error = info.error ?? auth.error;
  if (error)
    body = <CenteredMessage severity="error" text={errorText(t, error)} onRetry={reloadInfo} />;
  else if (!info.data) body = <CenteredMessage text={t('common.loading')} />;
  else if (info.data.recovery)
    body = (
      <RecoveryScreen
        language={language}
        onLanguageChange={setChosen}
        onDone={() => window.location.reload()}
      />
    );
  else if (info.data.needsSetup)
    body = (
      <SetupScreen
        onDone={() => {
          landOnHome();
          reloadInfo();
          refreshAuth();
        }}
      />
    );
  else if (!auth.data || !authValue) body = <CenteredMessage text={t('common.loading')} />;
  else if (auth.data.state === 'signedOut' || !auth.data.user)
    body = (
      <LoginScreen
        onSignedIn={() => {
          landOnHome();
          refreshAuth();
        }}
      />
    );
  else if (auth.data.state === 'locked')
    body = <LockScreen name={auth.data.user.displayName} onChanged={refreshAuth} />;
  else {
    framed = true;
    body = (
      <AuthContext.Provider value={authValue}>
        <AppFrame
          key={auth.data.user.id}
          info={info.data}
          language={language}
          onLanguageChange={changeLanguage}
        />
      </AuthContext.Provider>
    );
  }

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifyProvider>
        <OfflineBanner />
        {!framed && <SignedOutCommands info={info.data} />}
        {info.data?.readOnly && (
          <Alert severity="warning" square>
            {t(info.data.diskFull ? 'app.diskFull' : 'app.readOnly')}
          </Alert>
        )}
        <Suspense fallback={<CenteredMessage text={t('common.loading')} />}>{body}</Suspense>
      </NotifyProvider>
    </ThemeProvider>
  );
}
