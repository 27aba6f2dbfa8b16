import { useTranslation } from 'react-i18next';
import { shiftHours, type RosterGrid } from '@shared/roster';
import { formatWeekdayHead, printDateTime, printDay } from '@renderer/i18n/dates';

/** The roster by post for the notice board: A4 landscape, header repeated, pages numbered. */
export function WeeklyRosterDocument({ grid, siteName }: { grid: RosterGrid; siteName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const slotAt = new Map(grid.slots.map((s) => [`${s.postId}/${s.templateId}/${s.day}`, s]));
  const p = grid.period;
  return (
    <article className="print-document print-landscape" data-testid="weekly-roster">
      <h1 style={{ fontSize: '16pt', marginBottom: '2mm' }}>
        {t('roster.weeklyTitle', { site: siteName })}
      </h1>
      <div className="print-meta">
        <span>
          {p.status === 'published'
            ? t('roster.weeklyMeta', {
                from: printDay(p.startsOn, lang),
                to: printDay(p.endsOn, lang),
                version: p.version,
                published: printDateTime(p.publishedAt!, lang),
              })
            : `${printDay(p.startsOn, lang)} – ${printDay(p.endsOn, lang)} · ${t('roster.notPublished')}`}
        </span>
      </div>
      <table style={{ fontSize: '8.5pt' }}>
        <thead>
          <tr>
            <th style={{ width: '9%' }}>{t('roster.post')}</th>
            <th style={{ width: '8%' }}>{t('roster.shift')}</th>
            {grid.days.map((d) => (
              <th key={d}>{formatWeekdayHead(d, lang)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.posts.flatMap((post) =>
            grid.templates
              .filter((x) => post.templateIds.includes(x.id))
              .map((template) => (
                <tr key={`${post.id}/${template.id}`}>
                  <td>{post.name}</td>
                  <td>
                    {template.name}
                    <br />
                    <span style={{ whiteSpace: 'nowrap' }}>{shiftHours(template)}</span>
                  </td>
                  {grid.days.map((day) => {
                    const slot = slotAt.get(`${post.id}/${template.id}/${day}`)!;
                    return (
                      <td key={day}>
                        {slot.assignments.map((a) => a.staffName).join('、')}
                        {slot.assignments.length < slot.required && (
                          <span className="print-muted">
                            {' '}
                            ({slot.assignments.length}/{slot.required})
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              )),
          )}
        </tbody>
      </table>
      <p style={{ marginTop: '8mm' }}>{t('roster.signatures')}</p>
    </article>
  );
}
