import { useTranslation } from 'react-i18next';
import type { ForecastItem, SupplyForecast } from '@shared/supply';
import { printDateTime } from '@renderer/i18n/dates';

/** 申领单: the request to the district for what the stock will not cover, on A4 portrait. */
export function RequestDocument(props: { forecast: SupplyForecast; lines: ForecastItem[] }) {
  const { t, i18n } = useTranslation();
  const f = props.forecast;
  const num = { textAlign: 'right' as const };
  return (
    <article className="print-document" data-testid="supply-request">
      <h1 style={{ fontSize: '16pt', textAlign: 'center', marginBottom: '2mm' }}>
        {t('supply.requestTitle')}
      </h1>
      <p style={{ margin: '0 0 2mm' }}>{t('supply.requestTo')}</p>
      <div className="print-meta">
        <span>
          {t('supply.requestMeta', {
            site: f.siteName,
            day: f.today,
            days: f.horizonDays,
            margin: f.marginPercent,
          })}
        </span>
      </div>
      {props.lines.length === 0 ? (
        <p>{t('supply.nothingToRequest')}</p>
      ) : (
        <table style={{ fontSize: '9pt' }}>
          <thead>
            <tr>
              <th style={num}>{t('supply.seq')}</th>
              <th>{t('stock.item')}</th>
              <th>{t('stock.spec')}</th>
              <th>{t('stock.unit')}</th>
              <th style={num}>{t('supply.onHand')}</th>
              <th style={num}>{t('supply.forecastPerDay')}</th>
              <th style={num}>{t('supply.ratePerDay')}</th>
              <th>{t('supply.used')}</th>
              <th style={num}>{t('supply.daysOfSupply')}</th>
              <th>{t('supply.runsOutOn')}</th>
              <th style={num}>{t('supply.requestQuantity')}</th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((r, i) => (
              <tr key={r.itemId}>
                <td style={num}>{i + 1}</td>
                <td>{r.name}</td>
                <td>{r.spec}</td>
                <td>{r.baseUnit}</td>
                <td style={num}>{r.onHand}</td>
                <td style={num}>{r.forecastPerDay ?? t('supply.never')}</td>
                <td style={num}>{r.ratePerDay ?? t('supply.never')}</td>
                <td>{t(`supply.basisUsed.${r.basis}`)}</td>
                <td style={num}>{r.daysOfSupply ?? t('supply.never')}</td>
                <td>{r.runsOutOn ?? t('supply.never')}</td>
                <td style={{ ...num, fontWeight: 'bold' }}>{r.requestQuantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p style={{ fontSize: '8pt', marginTop: '3mm' }}>
        {t('supply.requestBasis', { rule: t('supply.peopleRule') })}
      </p>
      <p style={{ marginTop: '12mm' }}>{t('supply.signatures')}</p>
      <p style={{ fontSize: '8pt', color: '#555' }}>
        {printDateTime(f.generatedAt, i18n.language)}
      </p>
    </article>
  );
}
