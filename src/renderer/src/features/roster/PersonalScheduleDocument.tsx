import { useTranslation } from 'react-i18next';
import type { RosterGrid } from '@shared/roster';
import { printDateTime, printDay } from '@renderer/i18n/dates';
import { hoursOf, personRows } from './RosterByPersonTable';

/** One staff member's shifts of the period, to hand to them. */
export function PersonalScheduleDocument(props: {
  grid: RosterGrid;
  staffId: number;
  siteName: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = personRows(props.grid).find((r) => r.staffId === props.staffId);
  const post = new Map(props.grid.posts.map((p) => [p.id, p.name]));
  const template = new Map(props.grid.templates.map((x) => [x.id, x.name]));
  if (!row) return null;
  return (
    <article className="print-document" data-testid="personal-schedule">
      <h1 style={{ fontSize: '16pt', marginBottom: '2mm' }}>
        {t('roster.personalTitle', { name: row.name })}
      </h1>
      <div className="print-meta">
        <span>
          {props.siteName} · {printDay(props.grid.period.startsOn, lang)} –{' '}
          {printDay(props.grid.period.endsOn, lang)}
        </span>
        <span>{t('roster.hoursTotal', { hours: hoursOf(row.shifts) })}</span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('roster.day')}</th>
            <th>{t('roster.post')}</th>
            <th>{t('roster.shift')}</th>
            <th>{t('roster.start')}</th>
            <th>{t('roster.end')}</th>
          </tr>
        </thead>
        <tbody>
          {row.shifts.map((a) => (
            <tr key={a.id}>
              <td>{printDay(a.day, lang)}</td>
              <td>{post.get(a.postId)}</td>
              <td>{template.get(a.templateId)}</td>
              <td>{printDateTime(a.startsAt, lang)}</td>
              <td>{printDateTime(a.endsAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
