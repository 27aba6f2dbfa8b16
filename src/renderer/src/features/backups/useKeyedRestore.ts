import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';
import { errorText } from '@renderer/i18n/errorText';

/** Refusals that ask for (another try at) the recovery key or passphrase, not a new backup. */
const KEY_CODES = new Set(['BACKUP_KEY_NEEDED', 'BACKUP_KEY_WRONG', 'RECOVERY_KEY_MISTYPED']);

export interface KeyPrompt<B> {
  backup: B;
  /** The refusal of the key last typed; none when the key is simply needed. */
  keyError?: string;
}

/**
 * A restore that, when the backup was sealed with a key this PC does not hold, asks for the
 * recovery key or passphrase (and again after a wrong or mistyped one) instead of failing.
 */
export function useKeyedRestore<B>(restore: (backup: B, secret?: string) => Promise<void>) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [prompt, setPrompt] = useState<KeyPrompt<B> | null>(null);
  /** Resolves true only when the backup was restored (not refused, not stopped to ask). */
  const run = async (backup: B, secret?: string): Promise<boolean> => {
    let asked = false;
    const ok = await submit.run(async () => {
      setPrompt(null);
      try {
        await restore(backup, secret);
      } catch (error) {
        if (!(error instanceof ApiCallError) || !KEY_CODES.has(error.error.code)) throw error;
        asked = true;
        const needed = error.error.code === 'BACKUP_KEY_NEEDED';
        setPrompt({ backup, ...(needed ? {} : { keyError: errorText(t, error) }) });
      }
    });
    return ok && !asked;
  };
  return { run, submit, prompt, dismiss: () => setPrompt(null) };
}
