import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SETTLED_IN_PREVIEW } from '@shared/receiptImport';
import {
  STOCK_CATEGORIES,
  type PartyKind,
  type ReceiptImportPreview,
  type ReceiptImportRow,
  type StockItem,
} from '@shared/stock';
import {
  ImportPreviewTable,
  type PreviewColumn,
} from '@renderer/components/import/ImportPreviewTable';
import { codeText } from '@renderer/components/import/reasonText';
import { KindSelect } from './KindSelect';
import {
  groupRows,
  initialChoice,
  needsFactor,
  problemsLeft,
  type ImportChoice,
} from './importChoice';

export interface PreviewProps {
  preview: ReceiptImportPreview;
  selected: ReadonlySet<number>;
  onSelectedChange: (lines: Set<number>) => void;
  choices: Record<number, ImportChoice>;
  items: StockItem[];
  /** The form's donor and day, shown for a list that names neither. */
  formDonor: string;
  formDay: string;
  formKind: PartyKind;
  /** main's refusal of the last post, by line path (`lines.3.unit`) → text. */
  postFields: Record<string, string>;
  choose: (r: ReceiptImportRow, change: Partial<ImportChoice>) => void;
  disabled?: boolean;
}

/**
 * The list as read, on the one import preview: by donor and day (one receipt each), each row with
 * what is left to decide — its item, a conversion for a unit the item does not know, and flags.
 */
export function RegisterPreviewTable(props: PreviewProps) {
  const { t } = useTranslation();
  const { preview } = props;
  // The index a row's line has in the post: main's refusals name lines by it.
  const included = preview.rows.filter((r) => props.selected.has(r.line));
  const headingOf = new Map<number, string>();
  for (const g of groupRows(preview.rows)) {
    const heading = t('stock.groupHeading', {
      donor: g.donor || `${props.formDonor}${t('stock.fromForm')}`,
      date: g.receivedOn || `${props.formDay}${t('stock.fromForm')}`,
      count: g.rows.length,
    });
    const kind = g.donor ? ` · ${t(`partyKind.${g.donorKind ?? props.formKind}`)}` : '';
    for (const r of g.rows) headingOf.set(r.row, `${heading}${kind}`);
  }
  const cell = (r: ReceiptImportRow) => ({ ...props, r, line: included.indexOf(r) });
  const columns: PreviewColumn<ReceiptImportRow>[] = [
    ...whenAnyRow(preview.rows, (r) => r.spec, t('stock.spec')),
    { header: t('stock.item'), cell: (r) => <ItemCell {...cell(r)} /> },
    { header: t('stock.quantity'), cell: (r) => <QuantityCell {...cell(r)} /> },
    {
      header: t('stock.purpose'),
      cell: (r) => [r.purpose, r.note].filter(Boolean).join('；'),
    },
    ...whenAnyRow(preview.rows, (r) => r.lotCode, t('stock.lot')),
    ...whenAnyRow(preview.rows, (r) => r.expiry ?? '', t('stock.expiry')),
    { header: t('stock.toSettle'), cell: (r) => <OpenCell {...cell(r)} /> },
  ];
  return (
    <ImportPreviewTable
      preview={preview}
      selected={props.selected}
      onSelectedChange={props.onSelectedChange}
      label={t('stock.importTitle')}
      nameHeader={t('stock.nameInFile')}
      columns={columns}
      groupBy={(r) => headingOf.get(r.line) ?? ''}
      disabled={props.disabled === true}
    />
  );
}

/** A column of text the list may not have at all (规格, 批号, 有效期): shown only when a row fills it. */
function whenAnyRow(
  rows: readonly ReceiptImportRow[],
  text: (r: ReceiptImportRow) => string,
  header: string,
): PreviewColumn<ReceiptImportRow>[] {
  return rows.some((r) => text(r)) ? [{ header, cell: text }] : [];
}

type CellProps = PreviewProps & { r: ReceiptImportRow; line: number };

const choiceOf = (props: CellProps) => props.choices[props.r.row] ?? initialChoice(props.r);

/** The units the row's unit should be one of: the chosen item's, or the new item's base unit. */
function expectedUnits(props: CellProps, choice: ImportChoice): string[] {
  if (choice.itemId === 'new') return [choice.baseUnit];
  const item = props.items.find((i) => i.id === choice.itemId);
  return item ? [item.baseUnit, ...item.units.map((u) => u.unit)] : [];
}

function ItemCell(props: CellProps) {
  const { t } = useTranslation();
  const { r, items } = props;
  const choice = choiceOf(props);
  return (
    <>
      <TextField
        select
        size="small"
        value={choice.itemId}
        disabled={props.disabled}
        onChange={(e) =>
          props.choose(r, { itemId: e.target.value === 'new' ? 'new' : Number(e.target.value) })
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
    </>
  );
}

/** The quantity as read (and as written, for an estimate), and the conversion a unit needs. */
function QuantityCell(props: CellProps) {
  const { t } = useTranslation();
  const { r } = props;
  const choice = choiceOf(props);
  return (
    <>
      {r.quantity ?? '—'} {r.unit}
      {r.approximate && ` （${r.quantityText}）`}
      {needsFactor(r, choice, props.items) && (
        <TextField
          size="small"
          type="number"
          label={t('stock.unitFactor', { unit: r.unit, base: expectedUnits(props, choice)[0] })}
          helperText={t('stock.unitAliasHint')}
          value={choice.factor}
          disabled={props.disabled}
          onChange={(e) => props.choose(r, { factor: e.target.value })}
          sx={{ display: 'block', mt: 1, width: 190 }}
        />
      )}
    </>
  );
}

/**
 * What is still open on a row the preview can settle (its item, its conversion, a day too far
 * back, a repeat) and main's refusal of the last post; a problem that refuses the row outright is
 * in the check result already.
 */
function OpenCell(props: CellProps) {
  const { t } = useTranslation();
  const { r } = props;
  const choice = choiceOf(props);
  const expected = expectedUnits(props, choice);
  const open = problemsLeft(r, choice, props.items)
    .filter((p) => SETTLED_IN_PREVIEW.has(p))
    .map((p) => {
      const text = codeText(t, p);
      return p === 'unknown_unit' && expected.length > 0
        ? `${text}（${t('stock.expectedUnits', { units: expected.join('、') })}）`
        : text;
    });
  if (r.duplicateOf !== null) {
    const first = props.preview.rows.find((x) => x.line === r.duplicateOf);
    open.push(t('stock.duplicateOf', { row: first?.label ?? r.duplicateOf }));
  }
  if (props.line >= 0) {
    for (const [path, text] of Object.entries(props.postFields)) {
      if (path.startsWith(`lines.${props.line}.`)) open.push(text);
    }
  }
  return (
    <Typography variant="body2" color="error">
      {open.join('；')}
    </Typography>
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
