import { useEffect } from 'react';
import { call } from '@renderer/api/client';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;

/**
 * Locks the session after `minutes` without keyboard or pointer activity. Main enforces the same
 * limit on its side; this only makes the lock screen appear on time on an unattended PC.
 */
export function useIdleLock(minutes: number, enabled: boolean, onLocked: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        void call('auth.lock', {}).finally(onLocked);
      }, minutes * 60_000);
    };
    arm();
    for (const e of ACTIVITY) window.addEventListener(e, arm, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, arm);
    };
  }, [minutes, enabled, onLocked]);
}
