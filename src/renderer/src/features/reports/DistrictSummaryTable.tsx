import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  indicatorMeaning,
  summaryIndicators,
  summaryTotals,
  type DayFileRefusal,
  type DistrictSummary,
} from '@shared/dayFile';
import { ApiCallError } from '@renderer/api/client';
import { errorText } from '@renderer/i18n/errorText';
import { codeKey } from '@renderer/i18n/keys';

/** An indicator code in words: the catalogue's name, or a round's number and part. */
function indicatorName(t: TFunction, code: string): string {
  const meaning = indicatorMeaning(code);
  if (!meaning) return code;
  if (meaning.kind === 'fixed') return t(`dayFile.indicators.${meaning.code}`);
  return t('dayFile.round', { n: meaning.slot, part: t(`dayFile.roundPart.${meaning.part}`) });
}

const unitName = (t: TFunction, code: string): string => {
  const meaning = indicatorMeaning(code);
  return meaning ? t(`dayFile.unitName.${meaning.unit}`) : '';
};

/** Why a file was not taken, in words (a reader's refusal in the words every import uses). */
export function refusalText(t: TFunction, r: DayFileRefusal): string {
  if (r.reason !== 'unreadable' || !r.error) return t(`dayFile.refused.${r.reason}`, r.params);
  const field = r.error.fields && Object.values(r.error.fields)[0];
  // A file field's code carries its limit in params (file_too_large: {{max}} MB).
  const text = field
    ? t([codeKey('fieldErrors', field), 'fieldErrors.invalid'], r.error.params ?? {})
    : errorText(t, new ApiCallError(r.error));
  return t('dayFile.refused.unreadable', { text });
}

/** What was refused, in words; then the sites' figures side by side and a totals column. */
export function DistrictSummaryTable({ summary }: { summary: DistrictSummary }) {
  const { t } = useTranslation();
  const codes = summaryIndicators(summary.sites);
  const totals = summaryTotals(summary.sites);
  return (
    <>
      {summary.day && (
        <Typography variant="subtitle1" sx={{ my: 1 }}>
          {t('dayFile.day', { day: summary.day })} · {t('dayFile.taken', { count: summary.sites.length })}
        </Typography>
      )}
      {summary.refused.length > 0 && (
        <Alert severity="error" sx={{ my: 1 }} data-testid="district-refused">
          <Typography variant="subtitle2">{t('dayFile.refusedTitle')}</Typography>
          {summary.refused.map((r, i) => (
            <div key={i}>{t('dayFile.refusedLine', { file: r.fileName, reason: refusalText(t, r) })}</div>
          ))}
        </Alert>
      )}
      {summary.sites.length > 0 && (
        <TableContainer sx={{ maxHeight: '65vh' }}>
          <Table size="small" stickyHeader data-testid="district-summary">
            <TableHead>
              <TableRow>
                <TableCell>{t('dayFile.indicator')}</TableCell>
                <TableCell>{t('dayFile.unit')}</TableCell>
                {summary.sites.map((s) => (
                  <TableCell key={s.orgUnit} align="right" title={s.fileName}>
                    {t('dayFile.siteHead', { site: s.orgUnitName, code: s.orgUnit })}
                  </TableCell>
                ))}
                <TableCell align="right" sx={{ fontWeight: 'bold' }}>
                  {t('dayFile.total')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {codes.map((code) => (
                <TableRow key={code} data-code={code}>
                  <TableCell title={code}>{indicatorName(t, code)}</TableCell>
                  <TableCell>{unitName(t, code)}</TableCell>
                  {summary.sites.map((s) => (
                    <TableCell key={s.orgUnit} align="right">
                      {s.values[code] ?? '—'}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ fontWeight: 'bold' }} data-testid="total">
                    {totals[code] ?? 0}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
