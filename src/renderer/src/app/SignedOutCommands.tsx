import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskCommand } from '@shared/deskCommands';
import type { AppInfo } from '@shared/domain';
import { useNotify } from '@renderer/notify';
import type { HelpDialog } from './HelpDialogs';
import { actionForKey } from './shortcuts';

/** Loaded when first asked for: the sign-in form's first script stays without them. */
const HelpDialogs = lazy(() => import('./HelpDialogs').then((m) => ({ default: m.HelpDialogs })));

/** What the other commands say before anyone has signed in. */
const SIGNED_OUT_NOTICE = {
  print: 'desk.noDocument',
  export: 'desk.nothingToExport',
  backup: 'desk.signInToBackUp',
} as const;

/**
 * The Electron menu and F1 on the sign-in, lock, setup and recovery screens: 关于 and 快捷键 open
 * their dialogs as they do after sign-in (the frame's useDeskCommands takes over then); Ctrl+P and
 * the menu's other commands say why there is nothing to do rather than doing nothing.
 */
export function SignedOutCommands(props: { info: AppInfo | undefined }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [open, setOpen] = useState<HelpDialog | null>(null);
  // Read when a command arrives: the listeners are added once.
  const latest = useRef({ t, notify });
  useEffect(() => {
    latest.current = { t, notify };
  });

  useEffect(() => {
    const perform = (command: DeskCommand) => {
      if (command === 'shortcuts' || command === 'about') setOpen(command);
      else latest.current.notify(latest.current.t(SIGNED_OUT_NOTICE[command]), 'info');
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = actionForKey(event);
      if (action?.kind !== 'command') return;
      event.preventDefault();
      perform(action.command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = window.api.onCommand?.(perform);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, []);

  if (!open || !props.info) return null;
  return (
    <Suspense fallback={null}>
      <HelpDialogs info={props.info} open={open} onClose={() => setOpen(null)} />
    </Suspense>
  );
}
