import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorTexts } from '@renderer/i18n/errorText';

/**
 * Runs a write, keeping its refusal on screen: a translated message and per-field texts.
 * Resolves true when the write went through.
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = useCallback(
    async (write: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      setFields({});
      try {
        await write();
        return true;
      } catch (error) {
        setMessage(errorText(t, error));
        setFields(fieldErrorTexts(t, error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const reset = useCallback(() => {
    setMessage(null);
    setFields({});
  }, []);
  return { run, busy, message, fields, reset };
}
