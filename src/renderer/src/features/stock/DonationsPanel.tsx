import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, siteDay } from '@shared/siteDate';
import type { DonationEntry } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { formatDateTime, formatInstantDay } from '@renderer/i18n/dates';
import { errorText } from '@renderer/i18n/errorText';
import { PeriodFields } from './PeriodFields';
import { DonationLetterDocument } from './DonationLetterDocument';

/** Who gave what and when, totals by donor and item, a letter of thanks, and where it went. */
export function DonationsPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const today = siteDay(new Date());
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const register = useApiQuery('stock.donations', { siteId, from, to });
  const sites = useApiQuery('sites.list', { includeRetired: true });
  const siteName = sites.data?.find((s) => s.id === siteId)?.name ?? '';
  const [letter, setLetter] = useState<DonationEntry | null>(null);
  const [traced, setTraced] = useState<DonationEntry | null>(null);
  const trace = useApiQuery(
    'stock.traceDonation',
    { documentId: traced?.documentId ?? 0 },
    { skip: traced === null },
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <PeriodFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <ExportButtons
          make={(format) => call('stock.donationsExport', { siteId, from, to, format })}
        />
      </Stack>
      {register.error && <Alert severity="error">{errorText(t, register.error)}</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('stock.tabDonations')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.donationDate')}</TableCell>
              <TableCell>{t('stock.donor')}</TableCell>
              <TableCell>{t('stock.donationItems')}</TableCell>
              <TableCell>{t('stock.purpose')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(register.data?.entries ?? []).map((e) => (
              <TableRow key={e.documentId}>
                {/* The day the goods arrived, as the register and the letter print it. */}
                <TableCell>{formatInstantDay(e.occurredAt)}</TableCell>
                <TableCell>
                  {e.donor}（{t(`partyKind.${e.donorKind}`)}）
                  {e.reversed && (
                    <Chip size="small" label={t('stock.reversedMark')} sx={{ ml: 1 }} />
                  )}
                </TableCell>
                <TableCell>
                  {e.lines.map((l) => `${l.itemName} ${l.quantity}${l.baseUnit}`).join('、')}
                </TableCell>
                <TableCell>{e.reason}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setLetter(e)}>
                    {t('stock.letter')}
                  </Button>
                  <Button size="small" onClick={() => setTraced(e)}>
                    {t('stock.trace')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {register.data && (
        <Stack direction="row" spacing={4}>
          <div>
            <Typography variant="subtitle2">{t('stock.byDonor')}</Typography>
            {register.data.byDonor.map((d) => (
              <Typography key={d.donor} variant="body2">
                {d.donor} · {t('stock.donations', { count: d.donations })} ·{' '}
                {d.items.map((i) => `${i.itemName} ${i.quantity}${i.baseUnit}`).join('、')}
              </Typography>
            ))}
          </div>
          <div>
            <Typography variant="subtitle2">{t('stock.byItem')}</Typography>
            {register.data.byItem.map((i) => (
              <Typography key={i.itemName} variant="body2">
                {i.itemName} {i.quantity}
                {i.baseUnit} · {t('stock.donorsCount', { count: i.donors })}
              </Typography>
            ))}
          </div>
        </Stack>
      )}
      <PrintPreview
        title={t('stock.letter')}
        open={letter !== null}
        onClose={() => setLetter(null)}
        pdfName="donation-letter.pdf"
      >
        {letter ? <DonationLetterDocument donation={letter} siteName={siteName} /> : null}
      </PrintPreview>
      <Dialog open={traced !== null} onClose={() => setTraced(null)} maxWidth="md" fullWidth>
        <DialogTitle>{t('stock.traceTitle', { donor: traced?.donor ?? '' })}</DialogTitle>
        <DialogContent>
          {trace.data?.lots.map((l, i) => (
            <div key={i}>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {l.itemName} {l.lotCode ?? ''} · {l.received}
                {l.onHand === null
                  ? ` · ${t('stock.notTraceable')}`
                  : ` · ${t('stock.left', { count: l.onHand })}`}
              </Typography>
              {l.issues.map((x) => (
                <Typography key={`${x.documentId}-${x.at}`} variant="body2">
                  {formatDateTime(x.at)} ·{' '}
                  {x.destinationKind ? t(`destinationKind.${x.destinationKind}`) : ''}{' '}
                  {x.destination} · {x.quantity}
                </Typography>
              ))}
            </div>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTraced(null)}>{t('common.close')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
