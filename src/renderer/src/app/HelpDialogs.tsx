import type { AppInfo } from '@shared/domain';
import { AboutDialog } from './AboutDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

export type HelpDialog = 'shortcuts' | 'about';

/** 帮助's two dialogs, whichever is open: from the app bar, the Electron menu or F1. */
export function HelpDialogs(props: {
  info: AppInfo;
  open: HelpDialog | null;
  onClose: () => void;
}) {
  return (
    <>
      <ShortcutsDialog open={props.open === 'shortcuts'} onClose={props.onClose} />
      <AboutDialog info={props.info} open={props.open === 'about'} onClose={props.onClose} />
    </>
  );
}
