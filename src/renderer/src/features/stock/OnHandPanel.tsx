import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnHandRow } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { errorText } from '@renderer/i18n/errorText';
import { StockCardDialog } from './StockCardDialog';
import type { StoreScope } from './storeScope';

/** Every item's stock with what to watch; a row opens its stock card. */
export function OnHandPanel({ scope }: { scope: StoreScope }) {
  const { t } = useTranslation();
  const rows = useApiQuery('stock.onHand', scope);
  const [card, setCard] = useState<OnHandRow | null>(null);
  if (rows.error) return <Alert severity="error">{errorText(t, rows.error)}</Alert>;
  if (rows.data?.length === 0) return <Alert severity="info">{t('stock.noItems')}</Alert>;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {t('stock.expiryReport')}
        </Typography>
        <ExportButtons make={(format) => call('stock.expiryExport', { ...scope, format })} />
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label={t('stock.tabOnHand')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.category')}</TableCell>
              <TableCell>{t('stock.item')}</TableCell>
              <TableCell align="right">{t('stock.onHand')}</TableCell>
              <TableCell align="right">{t('stock.daysOfSupply')}</TableCell>
              <TableCell>{t('stock.lots')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows.data ?? []).map((r) => {
              const expired = r.lots.filter((l) => l.expired).length;
              const expiring = r.lots.filter((l) => l.expiringSoon).length;
              return (
                <TableRow
                  key={r.itemId}
                  hover
                  onClick={() => setCard(r)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell>{t(`stockCategory.${r.category}`)}</TableCell>
                  <TableCell>
                    {r.name} {r.spec}
                  </TableCell>
                  <TableCell align="right">
                    {r.onHand} {r.baseUnit}
                  </TableCell>
                  <TableCell align="right">{r.daysOfSupply ?? '—'}</TableCell>
                  <TableCell sx={{ fontSize: 12 }}>
                    {r.lots
                      .map((l) => `${l.code}${l.expiry ? `（${l.expiry}）` : ''} ${l.quantity}`)
                      .join('；')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {r.low && (
                      <Chip size="small" color="error" label={t('stock.low')} sx={{ mr: 0.5 }} />
                    )}
                    {expiring > 0 && (
                      <Chip
                        size="small"
                        color="warning"
                        label={t('stock.expiring', { count: expiring })}
                        sx={{ mr: 0.5 }}
                      />
                    )}
                    {expired > 0 && (
                      <Chip
                        size="small"
                        color="error"
                        variant="outlined"
                        label={t('stock.expired', { count: expired })}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      <StockCardDialog scope={scope} item={card} onClose={() => setCard(null)} />
    </>
  );
}
