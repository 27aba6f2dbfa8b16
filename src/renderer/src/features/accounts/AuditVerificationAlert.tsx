import Alert from '@mui/material/Alert';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditAnchor, AuditVerification } from '@shared/accounts';
import { formatDateTime } from '@renderer/i18n/dates';

/** "the anchor of <time> (<why it was written>)": the parts every anchor sentence names. */
function anchorParams(t: TFunction, anchor: AuditAnchor) {
  return {
    at: formatDateTime(anchor.at),
    source: t(`audit.anchor_${anchor.reason}`, { source: anchor.source ?? '' }),
  };
}

function verificationText(t: TFunction, v: AuditVerification): string {
  if (v.ok) {
    return [
      t('audit.verifyOk', { count: v.count }),
      v.anchor
        ? t('audit.verifyAnchored', {
            ...anchorParams(t, v.anchor),
            count: v.anchor.count,
          })
        : t('audit.verifyUnanchored'),
    ].join(' ');
  }
  if (v.reason === 'truncated') {
    return t('audit.verifyTruncated', {
      ...anchorParams(t, v.anchor),
      expected: v.anchor.count,
      count: v.count,
      from: v.count + 1,
    });
  }
  if (v.reason === 'rewritten') {
    return t('audit.verifyRewritten', {
      ...anchorParams(t, v.anchor),
      id: v.firstBrokenId,
    });
  }
  return t('audit.verifyBroken', {
    id: v.firstBrokenId,
    reason: t(`audit.reason_${v.reason}`),
  });
}

/** The answer of "verify the trail", in words: intact (and against which anchor), or what broke. */
export function AuditVerificationAlert({
  verification,
  onClose,
}: {
  verification: AuditVerification;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      severity={verification.ok ? 'success' : 'error'}
      onClose={onClose}
      data-testid="audit-verification"
    >
      {verificationText(t, verification)}
    </Alert>
  );
}
