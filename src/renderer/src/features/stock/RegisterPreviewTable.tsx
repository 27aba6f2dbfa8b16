import { codeKey } from '@renderer/i18n/keys';
import Checkbox from '@mui/material/Checkbox';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STOCK_CATEGORIES,
  type PartyKind,
  type ReceiptImportRow,
  type StockItem,
} from '@shared/stock';
import { KindSelect } from './KindSelect';
import {
  groupRows,
  initialChoice,
  needsFactor,
  problemsLeft,
  type ImportChoice,
} from './importChoice';

export interface PreviewProps {
  rows: ReceiptImportRow[];
  choices: Record<number, ImportChoice>;
  items: StockItem[];
  /** The form's donor and day, shown for a list that names neither. */
  formDonor: string;
  formDay: string;
  formKind: PartyKind;
  /** main's refusal of the last post, by line path (`lines.3.unit`) → text. */
  postFields: Record<string, string>;
  choose: (r: ReceiptImportRow, change: Partial<ImportChoice>) => void;
}

const COLUMNS = 9;

/** The list as read, by donor and day (one receipt each), each row with what is left to decide. */
export function RegisterPreviewTable(props: PreviewProps) {
  const { t } = useTranslation();
  // The index a row's line has in the post: main's refusals name lines by it.
  const included = props.rows.filter((r) => (props.choices[r.row] ?? initialChoice(r)).include);
  return (
    <Table size="small" aria-label={t('stock.importTitle')} sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell>{t('stock.row')}</TableCell>
          <TableCell>{t('stock.nameInFile')}</TableCell>
          <TableCell>{t('stock.item')}</TableCell>
          <TableCell>{t('stock.quantity')}</TableCell>
          <TableCell>{t('stock.purpose')}</TableCell>
          <TableCell>{t('stock.lot')}</TableCell>
          <TableCell>{t('stock.expiry')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {groupRows(props.rows).map((g) => (
          <Fragment key={g.key}>
            <TableRow sx={{ bgcolor: 'action.hover' }}>
              <TableCell colSpan={COLUMNS} sx={{ fontWeight: 600 }}>
                {t('stock.groupHeading', {
                  donor: g.donor || `${props.formDonor}${t('stock.fromForm')}`,
                  date: g.receivedOn || `${props.formDay}${t('stock.fromForm')}`,
                  count: g.rows.length,
                })}
                {g.donor && ` · ${t(`partyKind.${g.donorKind ?? props.formKind}`)}`}
              </TableCell>
            </TableRow>
            {g.rows.map((r) => (
              <PreviewRow key={r.row} {...props} r={r} line={included.indexOf(r)} />
            ))}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

function PreviewRow(props: PreviewProps & { r: ReceiptImportRow; line: number }) {
  const { t } = useTranslation();
  const { r, items } = props;
  const choice = props.choices[r.row] ?? initialChoice(r);
  const item = items.find((i) => i.id === choice.itemId);
  const expected =
    choice.itemId === 'new'
      ? [choice.baseUnit]
      : item
        ? [item.baseUnit, ...item.units.map((u) => u.unit)]
        : [];
  const problems = problemsLeft(r, choice, items).map((p) => {
    const text = t([codeKey('fieldErrors', p), 'fieldErrors.invalid']);
    return p === 'unknown_unit' && expected.length > 0
      ? `${text}（${t('stock.expectedUnits', { units: expected.join('、') })}）`
      : text;
  });
  if (r.duplicateOf !== null) {
    const first = props.rows.find((x) => x.row === r.duplicateOf);
    problems.push(t('stock.duplicateOf', { row: first?.serial || r.duplicateOf }));
  }
  if (choice.include && props.line >= 0) {
    for (const [path, text] of Object.entries(props.postFields)) {
      if (path.startsWith(`lines.${props.line}.`)) problems.push(text);
    }
  }
  const label = r.serial || String(r.row);
  return (
    <TableRow>
      <TableCell padding="checkbox">
        <Checkbox
          checked={choice.include}
          onChange={(e) => props.choose(r, { include: e.target.checked })}
          slotProps={{ input: { 'aria-label': `${t('stock.row')} ${label}` } }}
        />
      </TableCell>
      <TableCell>{label}</TableCell>
      <TableCell>
        {r.name} {r.spec}
      </TableCell>
      <TableCell>
        <TextField
          select
          size="small"
          value={choice.itemId}
          onChange={(e) =>
            props.choose(r, {
              itemId: e.target.value === 'new' ? 'new' : Number(e.target.value),
              include: true,
            })
          }
          slotProps={{ htmlInput: { 'aria-label': `${r.name} ${t('stock.item')}` } }}
          sx={{ minWidth: 200 }}
        >
          {items.map((i) => (
            <MenuItem key={i.id} value={i.id}>
              {i.name} {i.spec}
            </MenuItem>
          ))}
          {r.name && <MenuItem value="new">{t('stock.newItemFromRow', { name: r.name })}</MenuItem>}
        </TextField>
        {choice.itemId === 'new' && (
          <NewItemFields choice={choice} onChange={(change) => props.choose(r, change)} />
        )}
      </TableCell>
      <TableCell>
        {r.quantity ?? '—'} {r.unit}
        {r.approximate && ` （${r.quantityText}）`}
        {needsFactor(r, choice, items) && (
          <TextField
            size="small"
            type="number"
            label={t('stock.unitFactor', { unit: r.unit, base: expected[0] })}
            helperText={t('stock.unitAliasHint')}
            value={choice.factor}
            onChange={(e) => props.choose(r, { factor: e.target.value })}
            sx={{ display: 'block', mt: 1, width: 190 }}
          />
        )}
      </TableCell>
      <TableCell>{[r.purpose, r.note].filter(Boolean).join('；')}</TableCell>
      <TableCell>{r.lotCode}</TableCell>
      <TableCell>{r.expiry ?? ''}</TableCell>
      <TableCell sx={{ color: 'error.main' }}>{problems.join('；')}</TableCell>
    </TableRow>
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
