import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskCommand } from '@shared/deskCommands';
import { call } from '@renderer/api/client';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { dialogOpen, markedIn } from './pageMarks';
import { actionForKey, type DeskAction } from './shortcuts';

export interface DeskCommandTargets {
  /** Opens the n-th section of the menu on the left (from 0), if there is one. */
  openSection: (index: number) => void;
  /**
   * The sign-in, lock, setup and recovery screens: there is no menu for Alt+1…8 to open (the keys
   * stay the browser's), and 立即备份 says to sign in first instead of asking main.
   */
  signedOut?: boolean;
  showShortcuts: () => void;
  showAbout: () => void;
}

/**
 * Carries out the desk's shortcuts and the Electron menu's commands on the page shown. Each does
 * what a click would: the print preview's own Print button, the page's own export, the backup
 * call through the router (which decides who may), so no second path exists to keep in step.
 */
export function useDeskCommands(targets: DeskCommandTargets): void {
  const { t } = useTranslation();
  const notify = useNotify();
  // The latest targets, read when a key arrives: the listeners are added once.
  const latest = useRef({ targets, t, notify });
  useEffect(() => {
    latest.current = { targets, t, notify };
  });

  useEffect(() => {
    /** True when the action was taken (the key's own browser meaning is then suppressed). */
    const perform = (action: DeskAction): boolean => {
      const { targets: to, t: tr, notify: say } = latest.current;
      if (action.kind === 'section') {
        // Not from under a dialog: its unsaved input would be left behind a changed page.
        if (to.signedOut || dialogOpen()) return false;
        to.openSection(action.index);
        return true;
      }
      if (action.kind === 'search') {
        const field = markedIn<HTMLInputElement>('search');
        if (!field) return false; // The browser's own find, where there is one.
        field.focus();
        field.select();
        return true;
      }
      const command: DeskCommand = action.command;
      if (command === 'print' || command === 'export') {
        const button = markedIn(command);
        if (button) button.click();
        else say(tr(command === 'print' ? 'desk.noDocument' : 'desk.nothingToExport'), 'info');
        // Never the browser's print of the whole screen: print.css would give a blank page.
        return true;
      }
      if (command === 'backup' && to.signedOut) {
        say(tr('desk.signInToBackUp'), 'info');
        return true;
      }
      if (command === 'backup') {
        say(tr('desk.backingUp'), 'info');
        call('backups.create', {}).then(
          () => latest.current.notify(latest.current.t('backups.done')),
          (error: unknown) => latest.current.notify(errorText(latest.current.t, error), 'error'),
        );
        return true;
      }
      if (command === 'shortcuts') to.showShortcuts();
      else to.showAbout();
      return true;
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = actionForKey(event);
      if (action && perform(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = window.api.onCommand?.((command) => {
      perform({ kind: 'command', command });
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, []);
}
