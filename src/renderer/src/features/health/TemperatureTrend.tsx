import Typography from '@mui/material/Typography';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import { formatTenths } from '@shared/health';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { formatDateTime } from '@renderer/i18n/dates';

/** A stay's temperatures over time (round readings and re-checks), with the fever line. */
export function TemperatureTrend({ stayId }: { stayId: number }) {
  const { t } = useTranslation();
  const readings = useApiQuery('readings.ofStay', { stayId });
  const settings = useApiQuery('settings.get', {});
  const points = readings.data ?? [];
  if (readings.data && points.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('health.noReadings')}
      </Typography>
    );
  }
  if (!readings.data || !settings.data) return null;
  const threshold = settings.data.feverThresholdTenths / 10;
  const withSymptoms = points.filter((p) => p.symptoms.length > 0);
  return (
    <div data-testid="temperature-trend" aria-label={t('health.trend')}>
      <Typography variant="subtitle2">{t('health.trend')}</Typography>
      <LineChart
        height={220}
        xAxis={[
          {
            data: points.map((p) => new Date(p.takenAt)),
            scaleType: 'time',
            valueFormatter: (d: Date) => formatDateTime(d.toISOString()),
          },
        ]}
        yAxis={[{ min: 35, max: Math.max(40, ...points.map((p) => p.temperatureTenths / 10)) }]}
        series={[
          {
            data: points.map((p) => p.temperatureTenths / 10),
            label: t('health.temperature'),
            valueFormatter: (v: number | null) => (v === null ? '' : `${formatTenths(v * 10)} ℃`),
            color: '#1f5fa8',
          },
        ]}
      >
        <ChartsReferenceLine
          y={threshold}
          label={t('health.threshold', { value: threshold.toFixed(1) })}
          lineStyle={{ stroke: '#b4302c', strokeDasharray: '4 3' }}
        />
      </LineChart>
      {withSymptoms.length > 0 && (
        <Typography variant="body2" component="ul" sx={{ m: 0, pl: 3 }}>
          {withSymptoms.map((p) => (
            <li key={p.id}>
              {formatDateTime(p.takenAt)} · {formatTenths(p.temperatureTenths)} ℃ ·{' '}
              {p.symptoms.map((s) => t(`symptom.${s}`)).join('、')}
            </li>
          ))}
        </Typography>
      )}
    </div>
  );
}
