import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseNotice } from '@shared/residents';
import { call } from '@renderer/api/client';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { errorText } from '@renderer/i18n/errorText';
import { ReleaseNoticeDocument } from './ReleaseNoticeDocument';

/**
 * Preview and print the release notice of one stay. Fetched once per opening: each fetch is an
 * audited print (the full document number is shown only to those allowed to see it).
 */
export function ReleaseNoticePrint(props: { stayId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<{
    stayId: number;
    notice?: ReleaseNotice;
    error?: unknown;
  } | null>(null);

  useEffect(() => {
    if (props.stayId === null) return;
    const stayId = props.stayId;
    let current = true;
    call('prints.releaseNotice', { stayId }).then(
      (notice) => current && setAnswer({ stayId, notice }),
      (error: unknown) => current && setAnswer({ stayId, error }),
    );
    return () => {
      current = false;
    };
  }, [props.stayId]);

  const shown = answer !== null && answer.stayId === props.stayId ? answer : null;
  return (
    <PrintPreview
      title={t('print.noticeTitle')}
      open={props.stayId !== null}
      onClose={props.onClose}
    >
      {shown?.notice ? (
        <ReleaseNoticeDocument notice={shown.notice} />
      ) : shown?.error ? (
        <Alert severity="error">{errorText(t, shown.error)}</Alert>
      ) : null}
    </PrintPreview>
  );
}
