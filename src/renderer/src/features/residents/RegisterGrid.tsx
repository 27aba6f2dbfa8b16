import { codeKey } from '@renderer/i18n/keys';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '@shared/contract';
import { parseResidentId } from '@shared/idNumber';
import { IMPORT_FIELDS, type ImportField } from '@shared/imports';
import {
  CATEGORIES,
  DOCUMENT_TYPES,
  GENDERS,
  type Category,
  type DocumentType,
  type Gender,
} from '@shared/people';
import { call } from '@renderer/api/client';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';

const BOOLEAN_FIELDS = ['pregnant', 'chronicIllness', 'disability'] as const;
type BooleanField = (typeof BOOLEAN_FIELDS)[number];
const SELECTS = {
  gender: GENDERS,
  documentType: DOCUMENT_TYPES,
  category: CATEGORIES,
} as const satisfies Partial<Record<ImportField, readonly string[]>>;
type SelectField = keyof typeof SELECTS;
type TypedField = Exclude<ImportField, BooleanField | SelectField>;

/** One row being typed: every field the import fills, as text, choice or tick. */
type Draft = Record<TypedField, string> &
  Record<BooleanField, boolean> & {
    gender: Gender;
    documentType: DocumentType;
    category: Category;
  };

/**
 * The typing order (a resident ID fills in gender and birth date, so they follow it), then every
 * other field of the import in the import's own order: a person typed by hand carries what a
 * person imported from the list carries, the last exposure (and so the observation end) included.
 */
const LEADING = ['fullName', 'documentType', 'documentNumber', 'gender', 'birthDate'] as const;
const TRAILING = ['emergencyContact', 'emergencyPhone', 'notes'] as const;
type Column = ImportField | 'flags';
const COLUMNS: Column[] = [
  ...LEADING,
  ...IMPORT_FIELDS.filter(
    (f) =>
      !(LEADING as readonly string[]).includes(f) &&
      !(TRAILING as readonly string[]).includes(f) &&
      !(BOOLEAN_FIELDS as readonly string[]).includes(f),
  ),
  'flags',
  ...TRAILING,
];
/** The cells a pasted line fills, left to right (the three ticks one after another). */
const PASTE_ORDER: ImportField[] = COLUMNS.flatMap((c) =>
  c === 'flags' ? [...BOOLEAN_FIELDS] : [c],
);

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['birthDate', 'lastExposureDate']);
const WIDTHS: Partial<Record<ImportField, number>> = {
  fullName: 76,
  documentType: 96,
  documentNumber: 165,
  gender: 50,
  birthDate: 92,
  phone: 100,
  category: 116,
  household: 64,
  lastExposureDate: 92,
  emergencyContact: 76,
  emergencyPhone: 100,
  notes: 140,
};

const isBoolean = (f: ImportField): f is BooleanField =>
  (BOOLEAN_FIELDS as readonly string[]).includes(f);

const EMPTY: Draft = {
  ...(Object.fromEntries(
    IMPORT_FIELDS.map((f): [string, string | boolean] => [f, isBoolean(f) ? false : '']),
  ) as Draft),
  gender: 'male',
  documentType: 'resident_id',
  category: 'close_contact',
};

const isBlank = (d: Draft) => !d.fullName.trim() && !d.documentNumber.trim();
const isSelect = (f: ImportField): f is SelectField => f in SELECTS;
const TICKED = /^(1|y|yes|true|是|有|√|✓)$/i;

/**
 * What the contract takes: empty texts left out, so a missing name or number is refused as
 * required under its cell, and an optional one (a last exposure, a phone) is simply absent.
 */
function personOf(d: Draft): MethodInput<'arrivals.register'>['people'][number] {
  const texts: Record<string, string> = {};
  for (const f of IMPORT_FIELDS) {
    const v = d[f];
    if (typeof v === 'string' && !isSelect(f) && v.trim()) texts[f] = v.trim();
  }
  return {
    ...texts,
    fullName: texts.fullName ?? '',
    documentNumber: texts.documentNumber ?? '',
    // Unknown (a passport holder's list may have none): null, filled in later on the person page.
    birthDate: texts.birthDate ?? null,
    gender: d.gender,
    documentType: d.documentType,
    category: d.category,
    pregnant: d.pregnant,
    chronicIllness: d.chronicIllness,
    disability: d.disability,
  };
}

/**
 * Typing in a bus of arrivals: one row per person, Enter moves on (and opens a new row at the end),
 * a resident ID fills in birth date and gender, rows copied from a spreadsheet paste in from the
 * cell they land on. The whole grid registers in one call, all or nothing.
 */
export function RegisterGrid({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [rows, setRows] = useState<Draft[]>([{ ...EMPTY }, { ...EMPTY }, { ...EMPTY }]);
  const [sent, setSent] = useState<number[]>([]);
  const grid = useRef<HTMLDivElement>(null);
  const submit = useSubmit();

  /** A cell's value as typed or pasted: a resident ID fills in birth date and gender. */
  const withCell = (row: Draft, f: ImportField, value: string | boolean): Draft => {
    const next = { ...row, [f]: value } as Draft;
    if (f === 'documentNumber' && next.documentType === 'resident_id') {
      const parsed = parseResidentId(String(value));
      if (parsed.ok)
        Object.assign(next, { birthDate: parsed.facts.birthDate, gender: parsed.facts.gender });
    }
    return next;
  };
  const update = (index: number, f: ImportField, value: string | boolean) =>
    setRows((all) => all.map((row, i) => (i === index ? withCell(row, f, value) : row)));

  /** The text of a pasted cell as the field takes it: a choice by its code or its words, a tick. */
  const pastedValue = (f: ImportField, text: string): string | boolean | undefined => {
    if (isBoolean(f)) return TICKED.test(text);
    if (!isSelect(f)) return text;
    return SELECTS[f].find((o) => o === text || t(codeKey(f, o)) === text);
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const text = e.clipboardData.getData('text/plain').replace(/\r?\n$/, '');
    if (!/[\t\n]/.test(text)) return; // one value: the browser pastes it into the cell
    const target = e.target as HTMLElement;
    const at = /^cell-(\d+)-(\w+)$/.exec(target.dataset.cell ?? '');
    if (!at) return;
    e.preventDefault();
    const firstRow = Number(at[1]);
    const firstField = PASTE_ORDER.indexOf(at[2] as ImportField);
    const lines = text.split(/\r?\n/).map((line) => line.split('\t'));
    setRows((all) => {
      const next = [...all];
      lines.forEach((cells, n) => {
        let row = next[firstRow + n] ?? { ...EMPTY };
        cells.forEach((cell, k) => {
          const f = PASTE_ORDER[firstField + k];
          const value = f === undefined ? undefined : pastedValue(f, cell.trim());
          if (f !== undefined && value !== undefined) row = withCell(row, f, value);
        });
        next[firstRow + n] = row;
      });
      return next;
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    const cells = [
      ...(grid.current?.querySelectorAll<HTMLElement>('input:not([type=hidden]), select') ?? []),
    ];
    const at = cells.indexOf(e.target as HTMLElement);
    if (at >= 0 && at < cells.length - 1) cells[at + 1]!.focus();
    else {
      setRows((all) => [...all, { ...EMPTY }]);
      setTimeout(() => {
        const after = grid.current?.querySelectorAll<HTMLElement>(
          'tbody tr:last-child input, tbody tr:last-child select',
        );
        after?.[0]?.focus();
      });
    }
  };

  const register = async () => {
    const indexes = rows.map((r, i) => (isBlank(r) ? -1 : i)).filter((i) => i >= 0);
    setSent(indexes);
    const people = indexes.map((i) => personOf(rows[i]!));
    if (await submit.run(() => call('arrivals.register', { batchId, people }))) {
      notify(t('arrivals.submitted', { count: people.length }));
      setRows([{ ...EMPTY }, { ...EMPTY }, { ...EMPTY }]);
    }
  };

  /** The refusal for row `i` of the grid, field `f` (main names `people.<sent index>.<field>`). */
  const fieldError = (i: number, f: ImportField) => submit.fields[`people.${sent.indexOf(i)}.${f}`];
  const label = (i: number, f: ImportField) =>
    `${t('arrivals.row', { n: i + 1 })} ${t(`import.field.${f}`)}`;
  const cellOf = (i: number, f: ImportField) => {
    if (isBoolean(f))
      return (
        <Checkbox
          key={f}
          size="small"
          checked={rows[i]![f]}
          onChange={(e) => update(i, f, e.target.checked)}
          slotProps={{ input: { 'aria-label': label(i, f), ...{ 'data-cell': `cell-${i}-${f}` } } }}
          sx={{ p: 0.25 }}
        />
      );
    return (
      <TextField
        select={isSelect(f)}
        variant="standard"
        value={rows[i]![f]}
        onChange={(e) => update(i, f, e.target.value)}
        error={!!fieldError(i, f)}
        helperText={fieldError(i, f)}
        placeholder={DATE_FIELDS.has(f) ? 'YYYY-MM-DD' : undefined}
        slotProps={{
          ...(isSelect(f) ? { select: { native: true } } : {}),
          htmlInput: { 'aria-label': label(i, f), 'data-cell': `cell-${i}-${f}` },
        }}
        sx={{ width: WIDTHS[f] ?? 100 }}
      >
        {isSelect(f) &&
          SELECTS[f].map((o) => (
            <option key={o} value={o}>
              {t(codeKey(f, o))}
            </option>
          ))}
      </TextField>
    );
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('arrivals.rowHint')}
      </Typography>
      <Box ref={grid} onKeyDown={onKeyDown} onPaste={onPaste} sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={t('arrivals.tabRegister')}
          sx={{ '& td': { py: 0.5, px: 0.75, verticalAlign: 'top' } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c}>
                  {c === 'flags' ? t('people.flags') : t(`import.field.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((_row, i) => (
              <TableRow key={i}>
                <TableCell sx={{ color: 'text.secondary' }}>{i + 1}</TableCell>
                {COLUMNS.map((c) =>
                  c === 'flags' ? (
                    <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>
                      {BOOLEAN_FIELDS.map((f) => cellOf(i, f))}
                    </TableCell>
                  ) : (
                    <TableCell key={c}>{cellOf(i, c)}</TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {submit.message && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {submit.message}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button startIcon={<AddIcon />} onClick={() => setRows((all) => [...all, { ...EMPTY }])}>
          {t('arrivals.addRow')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void register()}
          disabled={submit.busy || rows.every(isBlank)}
        >
          {t('arrivals.submit')}
        </Button>
      </Stack>
    </Box>
  );
}
