import DeleteIcon from '@mui/icons-material/Delete';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItem } from '@shared/stock';
import { DateInput } from '@renderer/components/dates/DateInput';

export interface Line {
  itemId: number | '';
  quantity: string;
  unit: string;
  lotCode: string;
  expiry: string;
}

export const emptyLine = (): Line => ({
  itemId: '',
  quantity: '',
  unit: '',
  lotCode: '',
  expiry: '',
});

/** One line of a receipt or an issue: item, quantity in one of its units, and (receipts) the lot. */
export function LineEditor(props: {
  index: number;
  line: Line;
  items: StockItem[];
  withLot: boolean;
  fields: Record<string, string>;
  onChange: (line: Line) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { line, index } = props;
  const item = props.items.find((i) => i.id === line.itemId);
  const err = (f: string) => props.fields[`lines.${index}.${f}`];
  const n = index + 1;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        select
        label={`${n}. ${t('stock.item')}`}
        value={line.itemId}
        onChange={(e) => {
          const next = props.items.find((i) => i.id === Number(e.target.value));
          props.onChange({ ...line, itemId: Number(e.target.value), unit: next?.baseUnit ?? '' });
        }}
        sx={{ minWidth: 220 }}
        error={!!err('itemId')}
        helperText={err('itemId')}
      >
        {props.items.map((i) => (
          <MenuItem key={i.id} value={i.id}>
            {i.name} {i.spec}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={`${n}. ${t('stock.quantity')}`}
        value={line.quantity}
        onChange={(e) => props.onChange({ ...line, quantity: e.target.value })}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ width: 110 }}
        error={!!err('quantity')}
        helperText={err('quantity')}
      />
      <TextField
        select
        label={`${n}. ${t('stock.unit')}`}
        value={item ? line.unit : ''}
        onChange={(e) => props.onChange({ ...line, unit: e.target.value })}
        sx={{ width: 110 }}
        error={!!err('unit')}
        helperText={err('unit')}
      >
        {/* No item yet: an empty list (MUI's select needs children even then). */}
        {(item ? [item.baseUnit, ...item.units.map((u) => u.unit)] : []).map((u) => (
          <MenuItem key={u} value={u}>
            {u}
          </MenuItem>
        ))}
      </TextField>
      {props.withLot && item?.tracksLots && (
        <>
          <TextField
            label={`${n}. ${t('stock.lot')}`}
            value={line.lotCode}
            onChange={(e) => props.onChange({ ...line, lotCode: e.target.value })}
            sx={{ width: 130 }}
            error={!!err('lotCode')}
            helperText={err('lotCode')}
          />
          <DateInput
            label={`${n}. ${t('stock.expiry')}`}
            value={line.expiry}
            onChange={(expiry) => props.onChange({ ...line, expiry })}
            error={!!err('expiry')}
            helperText={err('expiry')}
            sx={{ width: 170 }}
          />
        </>
      )}
      <IconButton aria-label={`${n}. ${t('stock.removeLine')}`} onClick={props.onRemove}>
        <DeleteIcon />
      </IconButton>
    </Stack>
  );
}

/** The lines of a receipt or an issue: each editable and removable (one always stays), and "add". */
export function LineList(props: {
  lines: Line[];
  onChange: (lines: Line[]) => void;
  items: StockItem[];
  withLot: boolean;
  fields: Record<string, string>;
  /** Shown under a line (an issue's first-expiry-first-out plan). */
  below?: (line: Line) => ReactNode;
}) {
  const { t } = useTranslation();
  const { lines, onChange } = props;
  return (
    <>
      {lines.map((line, i) => (
        <Stack key={i} spacing={0.5}>
          <LineEditor
            index={i}
            line={line}
            items={props.items}
            withLot={props.withLot}
            fields={props.fields}
            onChange={(next) => onChange(lines.map((l, j) => (j === i ? next : l)))}
            onRemove={() =>
              onChange(lines.length > 1 ? lines.filter((_, j) => j !== i) : [emptyLine()])
            }
          />
          {props.below?.(line)}
        </Stack>
      ))}
      <Button onClick={() => onChange([...lines, emptyLine()])} sx={{ alignSelf: 'flex-start' }}>
        {t('stock.addLine')}
      </Button>
    </>
  );
}
