import { codeKey } from '@renderer/i18n/keys';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { OnHandRow } from '@shared/stock';
import { addDays, siteDay, siteInstant } from '@shared/siteDate';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ExportButtons } from '@renderer/components/ExportButtons';
import { formatDateTime } from '@renderer/i18n/dates';
import type { StoreScope } from './storeScope';

/** The last 30 days of one item: every movement with its running balance. */
export function StockCardDialog(props: {
  scope: StoreScope;
  item: OnHandRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = siteDay(new Date());
  const period = {
    from: siteInstant(addDays(today, -29), '00:00').toISOString(),
    to: siteInstant(addDays(today, 1), '00:00').toISOString(),
  };
  const card = useApiQuery(
    'stock.card',
    { ...props.scope, itemId: props.item?.itemId ?? 0, ...period },
    { skip: props.item === null },
  );
  const channel = (kind: string, c: string) =>
    kind === 'receipt'
      ? t(codeKey('receiptSource', c))
      : kind === 'issue'
        ? t(codeKey('destinationKind', c))
        : c
          ? t(codeKey('documentKind', c))
          : '';
  return (
    <Dialog open={props.item !== null} onClose={props.onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('stock.card', { name: props.item?.name ?? '' })}</DialogTitle>
      <DialogContent>
        {card.data && (
          <>
            <Typography>
              {t('stock.opening')} {card.data.opening}
            </Typography>
            <Table size="small" aria-label={t('stock.card', { name: props.item?.name ?? '' })}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('stock.occurredAt')}</TableCell>
                  <TableCell>{t('stock.source')}</TableCell>
                  <TableCell>{t('stock.lot')}</TableCell>
                  <TableCell align="right">{t('stock.quantity')}</TableCell>
                  <TableCell align="right">{t('stock.balance')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {card.data.rows.map((r) => (
                  <TableRow key={r.movementId}>
                    <TableCell>{formatDateTime(r.at)}</TableCell>
                    <TableCell>
                      {t(`documentKind.${r.kind}`)} {channel(r.kind, r.channel)}
                    </TableCell>
                    <TableCell>{r.lotCode ?? ''}</TableCell>
                    <TableCell align="right">
                      {r.quantity > 0 ? `+${r.quantity}` : r.quantity}
                    </TableCell>
                    <TableCell align="right">{r.balance}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Typography sx={{ mt: 1 }}>
              {t('stock.closing')} {card.data.closing} {props.item?.baseUnit}
            </Typography>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {props.item && (
          <ExportButtons
            make={(format) =>
              call('stock.cardExport', {
                ...props.scope,
                ...period,
                itemId: props.item!.itemId,
                format,
              })
            }
          />
        )}
        <Button onClick={props.onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
