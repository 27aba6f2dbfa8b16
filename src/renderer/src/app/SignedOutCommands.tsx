import { lazy, Suspense, useState } from 'react';
import type { AppInfo } from '@shared/domain';
import type { HelpDialog } from './HelpDialogs';
import { useDeskCommands } from './useDeskCommands';

/** Loaded when first asked for: the sign-in form's first script stays without them. */
const HelpDialogs = lazy(() => import('./HelpDialogs').then((m) => ({ default: m.HelpDialogs })));

/**
 * The desk's keys and the Electron menu on the sign-in, lock, setup and recovery screens: 关于 and
 * 快捷键 open their dialogs as they do after sign-in (the frame's own useDeskCommands takes over
 * then); Ctrl+P, 导出… and 立即备份 say why there is nothing to do rather than doing nothing.
 */
export function SignedOutCommands(props: { info: AppInfo | undefined }) {
  const [open, setOpen] = useState<HelpDialog | null>(null);
  useDeskCommands({
    signedOut: true,
    openSection: () => undefined,
    showShortcuts: () => setOpen('shortcuts'),
    showAbout: () => setOpen('about'),
  });
  if (!open || !props.info) return null;
  return (
    <Suspense fallback={null}>
      <HelpDialogs info={props.info} open={open} onClose={() => setOpen(null)} />
    </Suspense>
  );
}
