import { useTranslation } from 'react-i18next';
import { printInstantDay } from '@renderer/i18n/dates';

/** 备份恢复单 on one A4 page: the key, what it opens, and where it must (not) be kept. */
export function RecoverySheet(props: { siteName: string; createdAt: string; recoveryKey: string }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="print-document" data-testid="recovery-sheet">
      <h1>{t('backups.sheetTitle')}</h1>
      <p>{t('backups.sheetSite', { site: props.siteName })}</p>
      <p>{t('backups.sheetDate', { date: printInstantDay(props.createdAt, i18n.language) })}</p>
      <p
        style={{
          fontFamily: 'monospace',
          fontSize: '16pt',
          letterSpacing: '0.08em',
          border: '1px solid #000',
          padding: '6mm',
          textAlign: 'center',
        }}
        data-testid="sheet-key"
      >
        {props.recoveryKey}
      </p>
      <h2>{t('backups.sheetWhatTitle')}</h2>
      <p>{t('backups.sheetWhat')}</p>
      <h2>{t('backups.sheetKeepTitle')}</h2>
      <p>{t('backups.sheetKeep')}</p>
      <h2>{t('backups.sheetUseTitle')}</h2>
      <p>{t('backups.sheetUse')}</p>
    </article>
  );
}
