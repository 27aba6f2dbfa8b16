import { useTranslation } from 'react-i18next';
import type { OccupancyList } from '@shared/residents';
import { printDateTime, printInstantDay, printDay } from '@renderer/i18n/dates';
import { standingText } from '@renderer/i18n/observation';
import { ageText } from '@renderer/i18n/ageText';

/** The occupancy list of a building or floor: one table per floor, empty rooms included. */
export function OccupancyDocument({
  list,
  floorLabel,
}: {
  list: OccupancyList;
  floorLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const building = `${list.buildingCode} ${list.buildingName}`;
  return (
    <article className="print-document" data-testid="occupancy-list">
      <h1 style={{ fontSize: '16pt', marginBottom: '4mm' }}>
        {t('print.occupancyTitle', { building })}
      </h1>
      <div className="print-meta">
        <span>
          {t('print.occupancyScope', { site: list.siteName, building, floor: floorLabel })}
        </span>
        <span>{t('print.totals', { occupants: list.occupants, capacity: list.capacity })}</span>
        <span>{t('print.generated', { at: printDateTime(list.generatedAt, lang) })}</span>
      </div>
      {list.floors.map((floor) => (
        <section key={floor.level}>
          {/* The floor heads its table from inside: repeated on every page the floor runs over,
              and never left alone at a page foot. */}
          <table aria-label={t('print.floorN', { level: floor.level })}>
            <thead>
              <tr>
                <th colSpan={8} scope="colgroup" className="print-group-heading">
                  {t('print.floorN', { level: floor.level })}
                </th>
              </tr>
              <tr>
                <th style={{ width: '11%' }}>{t('common.room')}</th>
                <th style={{ width: '13%' }}>{t('people.fullName')}</th>
                <th style={{ width: '6%' }}>{t('people.gender')}</th>
                <th style={{ width: '6%' }}>{t('people.age')}</th>
                <th style={{ width: '24%' }}>{t('people.documentNumber')}</th>
                <th style={{ width: '15%' }}>{t('residents.checkIn')}</th>
                <th style={{ width: '15%' }}>{t('residents.observationEnd')}</th>
                <th style={{ width: '10%' }}>{t('residents.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {floor.rooms.flatMap((room) =>
                room.occupants.length === 0
                  ? [
                      <tr key={room.roomId}>
                        <td>{room.number}</td>
                        <td colSpan={7} className="print-muted">
                          {t('print.empty')} {t(`status.${room.status}`)}
                        </td>
                      </tr>,
                    ]
                  : room.occupants.map((o) => (
                      <tr key={o.stayId}>
                        <td>{room.number}</td>
                        <td>{o.fullName}</td>
                        <td>{t(`gender.${o.gender}`)}</td>
                        <td>{ageText(t, o.age)}</td>
                        <td>{o.documentMasked}</td>
                        <td>{printInstantDay(o.checkInAt, lang)}</td>
                        <td>{printDay(o.observationEnd, lang)}</td>
                        <td>{standingText(t, o.daysLeft)}</td>
                      </tr>
                    )),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
