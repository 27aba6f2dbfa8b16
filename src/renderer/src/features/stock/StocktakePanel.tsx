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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnHandRow } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { numberOrNaN } from '@renderer/components/numberInput';
import { PrintPreview } from '@renderer/components/print/PrintPreview';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import type { StoreScope } from './storeScope';

interface CountLine {
  key: string;
  itemId: number;
  lotId?: number;
  label: string;
  expiry: string | null;
  unit: string;
  onBooks: number;
}

/** One line per lot (or per item without lots), as the count sheet and the form list them. */
function countLines(rows: OnHandRow[]): CountLine[] {
  return rows.flatMap((r): CountLine[] =>
    r.lots.length > 0
      ? r.lots.map((l) => ({
          key: `${r.itemId}/${l.lotId}`,
          itemId: r.itemId,
          lotId: l.lotId,
          label: `${r.name} ${r.spec} · ${l.code}`,
          expiry: l.expiry,
          unit: r.baseUnit,
          onBooks: l.quantity,
        }))
      : [
          {
            key: `${r.itemId}`,
            itemId: r.itemId,
            label: `${r.name} ${r.spec}`,
            expiry: null,
            unit: r.baseUnit,
            onBooks: r.onHand,
          },
        ],
  );
}

/** Print a count sheet, type what was counted, post the differences as one adjustment. */
export function StocktakePanel({ scope }: { scope: StoreScope }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const rows = useApiQuery('stock.onHand', scope);
  const lines = countLines(rows.data ?? []);
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [printing, setPrinting] = useState(false);
  const submit = useSubmit();
  const sheet = (
    <article className="print-document" data-testid="count-sheet">
      <h1 style={{ fontSize: '16pt' }}>{t('stock.countSheetTitle')}</h1>
      <table>
        <thead>
          <tr>
            <th>{t('stock.item')}</th>
            <th>{t('stock.expiry')}</th>
            <th style={{ textAlign: 'right' }}>{t('stock.onBooks')}</th>
            <th style={{ width: '22%' }}>{t('stock.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key}>
              <td>{l.label}</td>
              <td>{l.expiry ?? ''}</td>
              <td style={{ textAlign: 'right' }}>
                {l.onBooks} {l.unit}
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: '10mm' }}>{t('stock.countedBy')}</p>
    </article>
  );
  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={(e) => {
        e.preventDefault();
        void submit
          .run(async () => {
            const result = await call('stock.stocktake', {
              ...scope,
              occurredAt: new Date().toISOString(),
              reason,
              counts: lines
                .filter((l) => (counted[l.key] ?? '') !== '')
                .map((l) => ({
                  itemId: l.itemId,
                  ...(l.lotId ? { lotId: l.lotId } : {}),
                  counted: numberOrNaN(counted[l.key] ?? ''),
                })),
            });
            notify(
              result.variances > 0
                ? t('stock.counts', { count: result.variances })
                : t('stock.noVariance'),
            );
          })
          .then((ok) => {
            if (!ok) return;
            setCounted({});
          });
      }}
    >
      <Button
        startIcon={<PrintIcon />}
        onClick={() => setPrinting(true)}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('stock.countSheet')}
      </Button>
      <Paper variant="outlined">
        <Table size="small" aria-label={t('stock.tabStocktake')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.item')}</TableCell>
              <TableCell>{t('stock.expiry')}</TableCell>
              <TableCell align="right">{t('stock.onBooks')}</TableCell>
              <TableCell>{t('stock.counted')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.key}>
                <TableCell>{l.label}</TableCell>
                <TableCell>{l.expiry ?? ''}</TableCell>
                <TableCell align="right">
                  {l.onBooks} {l.unit}
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    value={counted[l.key] ?? ''}
                    onChange={(e) => setCounted({ ...counted, [l.key]: e.target.value })}
                    slotProps={{
                      htmlInput: {
                        inputMode: 'numeric',
                        'aria-label': `${l.label} ${t('stock.counted')}`,
                      },
                    }}
                    sx={{ width: 110 }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <TextField
        label={t('stock.countReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        sx={{ maxWidth: 400 }}
        error={!!submit.fields.reason}
        helperText={submit.fields.reason}
      />
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
      <Button
        type="submit"
        variant="contained"
        disabled={submit.busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('stock.postCount')}
      </Button>
      <PrintPreview
        title={t('stock.countSheet')}
        open={printing}
        onClose={() => setPrinting(false)}
        pdfName="count-sheet.pdf"
      >
        {printing ? sheet : null}
      </PrintPreview>
    </Stack>
  );
}
