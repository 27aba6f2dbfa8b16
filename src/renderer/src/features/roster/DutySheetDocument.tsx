import { useTranslation } from 'react-i18next';
import { clockSpan, type DutySheet } from '@shared/roster';
import { formatClock, printDay } from '@renderer/i18n/dates';

/** 值班表: each post and shift of one day, who is on it, and room to sign in and out. */
export function DutySheetDocument({ sheet }: { sheet: DutySheet }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className="print-document" data-testid="duty-sheet">
      <h1 style={{ fontSize: '16pt', marginBottom: '2mm' }}>
        {t('roster.dutyTitle', { site: sheet.siteName })}
      </h1>
      <div className="print-meta">
        <span>{t('roster.dutyMeta', { day: printDay(sheet.day, lang) })}</span>
        <span>
          {sheet.period.status === 'published'
            ? t('roster.published', { version: sheet.period.version })
            : t('roster.notPublished')}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '14%' }}>{t('roster.post')}</th>
            <th style={{ width: '20%' }}>{t('roster.shift')}</th>
            <th style={{ width: '11%' }}>{t('roster.staffName')}</th>
            <th style={{ width: '12%' }}>{t('roster.role')}</th>
            <th style={{ width: '15%' }}>{t('roster.phone')}</th>
            <th style={{ width: '14%' }}>{t('roster.signIn')}</th>
            <th style={{ width: '14%' }}>{t('roster.signOut')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.flatMap((row) => {
            const people = row.staff.length > 0 ? row.staff : [null];
            return people.map((person, i) => (
              <tr key={`${row.post}/${row.shift}/${i}`}>
                <td>{i === 0 ? row.post : ''}</td>
                {/* Shift and hours on one line: 7 posts × 3 shifts stay on one A4 page. */}
                <td style={{ whiteSpace: 'nowrap' }}>
                  {i === 0 &&
                    `${row.shift} ${clockSpan(formatClock(row.startsAt), formatClock(row.endsAt))}`}
                </td>
                <td>{person?.name ?? '—'}</td>
                <td>{person ? t(`staffRole.${person.role}`) : ''}</td>
                <td>{person?.phone ?? ''}</td>
                <td />
                <td />
              </tr>
            ));
          })}
        </tbody>
      </table>
      <h2>{t('roster.remarks')}</h2>
      <div style={{ border: '0.5pt solid #444', height: '40mm' }} />
    </article>
  );
}
