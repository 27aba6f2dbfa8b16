import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { DEFAULT_HORIZON_DAYS, DEFAULT_MARGIN_PERCENT, requestLines } from '@shared/supply';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { errorText } from '@renderer/i18n/errorText';
import { RequestDocument } from './RequestDocument';

const outlook = contract['supply.forecast'].input.shape;

/**
 * A whole-number field whose value counts only once the contract's rule accepts it; while it does
 * not, the field says why and the last good value stays in use.
 */
function OutlookField(props: {
  label: string;
  value: number;
  rule: typeof outlook.horizonDays | typeof outlook.marginPercent;
  onChange: (n: number) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(String(props.value));
  const checked = props.rule.safeParse(typed === '' ? undefined : Number(typed));
  const problem = typed === '' || !checked.success ? t('fieldErrors.invalid_value') : undefined;
  return (
    <TextField
      label={props.label}
      type="number"
      value={typed}
      onChange={(e) => {
        setTyped(e.target.value);
        const n = props.rule.safeParse(Number(e.target.value));
        if (e.target.value !== '' && n.success) props.onChange(n.data);
      }}
      error={!!problem}
      helperText={problem}
      sx={{ width: 140 }}
    />
  );
}

/**
 * The supply forecast: residents, rooms and shifts expected each day, and for every item its use
 * by norm and by last week's issues, which of the two counts, days of supply and the day it runs
 * out; the items the stock will not cover form the request to the district (print, Excel).
 */
export function ForecastPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const [horizonDays, setHorizon] = useState(DEFAULT_HORIZON_DAYS);
  const [marginPercent, setMargin] = useState(DEFAULT_MARGIN_PERCENT);
  const input = { siteId, horizonDays, marginPercent };
  const forecast = useApiQuery('supply.forecast', input);
  const [printing, setPrinting] = useState(false);
  const data = forecast.data;
  const request = data ? requestLines(data) : [];
  const num = { textAlign: 'right' as const };
  const dash = (n: number | string | null) => n ?? t('supply.never');
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <OutlookField
          label={t('supply.horizon')}
          value={horizonDays}
          rule={outlook.horizonDays}
          onChange={setHorizon}
        />
        <OutlookField
          label={t('supply.margin')}
          value={marginPercent}
          rule={outlook.marginPercent}
          onChange={setMargin}
        />
        <Button startIcon={<PrintIcon />} disabled={!data} onClick={() => setPrinting(true)}>
          {t('supply.printRequest')}
        </Button>
        <ExportButtons
          formats={['xlsx']}
          disabled={!data}
          make={() => call('supply.requestExport', input)}
        />
      </Stack>
      {forecast.error && <Alert severity="error">{errorText(t, forecast.error)}</Alert>}
      <Typography variant="body2" color="text.secondary">
        {t('supply.peopleRule')}
      </Typography>
      {data && (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('supply.day')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('supply.day')}</TableCell>
                {data.days.map((d) => (
                  <TableCell key={d.day} style={num}>
                    {d.day.slice(5)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(['residents', 'rooms', 'shifts'] as const).map((k) => (
                <TableRow key={k}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`supply.${k}`)}</TableCell>
                  {data.days.map((d) => (
                    <TableCell
                      key={d.day}
                      style={num}
                      title={k === 'shifts' ? t(`supply.shiftSource.${d.shiftSource}`) : undefined}
                    >
                      {d[k]}
                      {k === 'shifts' && d.shiftSource !== 'roster' ? '*' : ''}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {data?.days.some((d) => d.shiftSource !== 'roster') && (
        <Typography variant="caption" color="text.secondary">
          *{' '}
          {t(
            `supply.shiftSource.${data.days.some((d) => d.shiftSource === 'posts') ? 'posts' : 'none'}`,
          )}
        </Typography>
      )}
      {data && (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('supply.tabForecast')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('stock.item')}</TableCell>
                <TableCell style={num}>{t('supply.onHand')}</TableCell>
                <TableCell style={num}>{t('supply.forecastPerDay')}</TableCell>
                <TableCell style={num}>{t('supply.ratePerDay')}</TableCell>
                <TableCell>{t('supply.used')}</TableCell>
                <TableCell style={num}>{t('supply.daysOfSupply')}</TableCell>
                <TableCell>{t('supply.runsOutOn')}</TableCell>
                <TableCell style={num}>{t('supply.requestQuantity')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((r) => (
                <TableRow
                  key={r.itemId}
                  sx={r.requestQuantity > 0 ? { bgcolor: 'warning.light' } : undefined}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {r.name} {r.spec}（{r.baseUnit}）
                  </TableCell>
                  <TableCell style={num}>{r.onHand}</TableCell>
                  <TableCell style={num}>{dash(r.forecastPerDay)}</TableCell>
                  <TableCell style={num}>{dash(r.ratePerDay)}</TableCell>
                  <TableCell>{t(`supply.basisUsed.${r.basis}`)}</TableCell>
                  <TableCell style={num}>{dash(r.daysOfSupply)}</TableCell>
                  <TableCell>{dash(r.runsOutOn)}</TableCell>
                  <TableCell style={num}>{r.requestQuantity || ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <PrintPreview
        title={t('supply.requestTitle')}
        open={printing}
        onClose={() => setPrinting(false)}
        pdfName={`supply-request-${data?.today ?? ''}.pdf`}
      >
        {data ? <RequestDocument forecast={data} lines={request} /> : null}
      </PrintPreview>
    </Stack>
  );
}
