import { codeKey } from '@renderer/i18n/keys';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STOCK_CATEGORIES,
  type PartyKind,
  type ReceiptImportRow,
  type ReceiptSource,
} from '@shared/stock';
import { call } from '@renderer/api/client';
import { readBase64 } from '@renderer/api/readFile';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { KindSelect } from './KindSelect';
import {
  importLine,
  initialChoice,
  needsFactor,
  problemsLeft,
  type ImportChoice,
} from './importChoice';
import type { StoreScope } from './storeScope';

/** A donation list from a file: read, names matched (unknown ones chosen by hand), posted at once. */
export function ImportReceiptDialog(props: {
  open: boolean;
  scope: StoreScope;
  source: ReceiptSource;
  party: { kind: PartyKind; name: string; contact: string; phone: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="lg" fullWidth>
      {props.open && <Body {...props} />}
    </Dialog>
  );
}

function Body(props: Parameters<typeof ImportReceiptDialog>[0]) {
  const { t } = useTranslation();
  const notify = useNotify();
  const items = useApiQuery('stock.items', {});
  const [rows, setRows] = useState<ReceiptImportRow[] | null>(null);
  const [choices, setChoices] = useState<Record<number, ImportChoice>>({});
  const reading = useSubmit();
  const posting = useSubmit();
  const known = items.data ?? [];
  const choose = (r: ReceiptImportRow, change: Partial<ImportChoice>) =>
    setChoices((all) => ({ ...all, [r.row]: { ...(all[r.row] ?? initialChoice(r)), ...change } }));
  return (
    <>
      <DialogTitle>{t('stock.importTitle')}</DialogTitle>
      <DialogContent>
        <input
          type="file"
          accept=".csv,.xlsx"
          aria-label={t('stock.importFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void reading.run(async () => {
              const preview = await call('stock.importPreview', {
                fileName: file.name,
                base64: await readBase64(file),
              });
              setRows(preview.rows);
              setChoices(Object.fromEntries(preview.rows.map((r) => [r.row, initialChoice(r)])));
            });
          }}
        />
        {reading.message && <Alert severity="error">{reading.message}</Alert>}
        {rows && (
          <Table size="small" aria-label={t('stock.importTitle')} sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{t('stock.row')}</TableCell>
                <TableCell>{t('stock.nameInFile')}</TableCell>
                <TableCell>{t('stock.item')}</TableCell>
                <TableCell>{t('stock.quantity')}</TableCell>
                <TableCell>{t('stock.lot')}</TableCell>
                <TableCell>{t('stock.expiry')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => {
                const choice = choices[r.row] ?? initialChoice(r);
                const problems = problemsLeft(r, choice, known);
                return (
                  <TableRow key={r.row}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={choice.include}
                        onChange={(e) => choose(r, { include: e.target.checked })}
                        slotProps={{ input: { 'aria-label': `${t('stock.row')} ${r.row}` } }}
                      />
                    </TableCell>
                    <TableCell>{r.row}</TableCell>
                    <TableCell>
                      {r.name} {r.spec}
                    </TableCell>
                    <TableCell>
                      <TextField
                        select
                        size="small"
                        value={choice.itemId}
                        onChange={(e) =>
                          choose(r, {
                            itemId: e.target.value === 'new' ? 'new' : Number(e.target.value),
                            include: true,
                          })
                        }
                        slotProps={{ htmlInput: { 'aria-label': `${r.name} ${t('stock.item')}` } }}
                        sx={{ minWidth: 200 }}
                      >
                        {known.map((i) => (
                          <MenuItem key={i.id} value={i.id}>
                            {i.name} {i.spec}
                          </MenuItem>
                        ))}
                        {r.name && (
                          <MenuItem value="new">
                            {t('stock.newItemFromRow', { name: r.name })}
                          </MenuItem>
                        )}
                      </TextField>
                      {choice.itemId === 'new' && (
                        <NewItemFields choice={choice} onChange={(change) => choose(r, change)} />
                      )}
                    </TableCell>
                    <TableCell>
                      {r.quantity ?? '—'} {r.unit}
                      {needsFactor(r, choice, known) && (
                        <TextField
                          size="small"
                          type="number"
                          label={t('stock.unitFactor', {
                            unit: r.unit,
                            base:
                              choice.itemId === 'new'
                                ? choice.baseUnit
                                : known.find((i) => i.id === choice.itemId)?.baseUnit,
                          })}
                          value={choice.factor}
                          onChange={(e) => choose(r, { factor: e.target.value })}
                          sx={{ display: 'block', mt: 1, width: 170 }}
                        />
                      )}
                    </TableCell>
                    <TableCell>{r.lotCode}</TableCell>
                    <TableCell>{r.expiry ?? ''}</TableCell>
                    <TableCell sx={{ color: 'error.main' }}>
                      {problems
                        .map((p) => t([codeKey('fieldErrors', p), 'fieldErrors.invalid']))
                        .join('；')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {posting.message && <Alert severity="error">{posting.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!rows || posting.busy}
          onClick={() =>
            void posting
              .run(async () => {
                const lines = (rows ?? [])
                  .filter((r) => choices[r.row]?.include)
                  .map((r) => importLine(r, choices[r.row]!, known));
                const doc = await call('stock.importReceipt', {
                  ...props.scope,
                  occurredAt: new Date().toISOString(),
                  source: props.source,
                  ...(props.party ? { party: props.party } : {}),
                  lines,
                });
                notify(t('stock.received', { id: doc.id }));
              })
              .then((ok) => ok && props.onDone())
          }
        >
          {t('stock.importButton')}
        </Button>
      </DialogActions>
    </>
  );
}

/** The category and base unit of an item made from a row's name. */
function NewItemFields(props: {
  choice: ImportChoice;
  onChange: (change: Partial<ImportChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'flex', gap: 8, marginTop: 8 }}>
      <KindSelect
        size="small"
        label={t('stock.category')}
        value={props.choice.category}
        options={STOCK_CATEGORIES}
        labelOf={(c) => t(`stockCategory.${c}`)}
        onChange={(category) => props.onChange({ category })}
      />
      <TextField
        size="small"
        label={t('stock.baseUnit')}
        value={props.choice.baseUnit}
        onChange={(e) => props.onChange({ baseUnit: e.target.value })}
        sx={{ width: 90 }}
      />
    </span>
  );
}
