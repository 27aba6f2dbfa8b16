import { useTranslation } from 'react-i18next';
import type { ReleaseNotice } from '@shared/residents';
import { printDay, printInstantDay } from '@renderer/i18n/dates';

/** 解除集中隔离告知书 on one A4 page. */
export function ReleaseNoticeDocument({ notice }: { notice: ReleaseNotice }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className="print-document" data-testid="release-notice">
      <h1>{t('print.noticeTitle')}</h1>
      <p>{t('print.noticeSalutation', { name: notice.fullName })}</p>
      <p style={{ textIndent: '2em' }}>
        {t('print.noticeBody', {
          gender: t(`gender.${notice.gender}`),
          age:
            notice.age === null
              ? t('people.ageUnknown')
              : t('print.noticeAge', { age: notice.age }),
          documentType: t(`documentType.${notice.documentType}`),
          document: notice.documentNumber,
          checkIn: printInstantDay(notice.checkInAt, lang),
          site: notice.siteName,
          room: notice.roomNumber ?? '—',
          end: printDay(notice.observationEnd, lang),
        })}
      </p>
      {notice.origin && (
        <p style={{ textIndent: '2em' }}>{t('print.noticeOrigin', { origin: notice.origin })}</p>
      )}
      <p style={{ textIndent: '2em' }}>{t('print.noticeAdvice')}</p>
      <div className="print-signature">
        <div>{t('print.noticeSeal', { site: notice.siteName })}</div>
        <div>{t('print.noticeHandler')}</div>
        <div>
          {t('print.noticeIssued', {
            date: printInstantDay(notice.releasedAt ?? notice.issuedAt, lang),
          })}
        </div>
      </div>
    </article>
  );
}
