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
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseResidentId } from '@shared/idNumber';
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

interface Draft {
  fullName: string;
  gender: Gender;
  birthDate: string;
  documentType: DocumentType;
  documentNumber: string;
  phone: string;
  category: Category;
  household: string;
  pregnant: boolean;
  chronicIllness: boolean;
  disability: boolean;
}

const EMPTY: Draft = {
  fullName: '',
  gender: 'male',
  birthDate: '',
  documentType: 'resident_id',
  documentNumber: '',
  phone: '',
  category: 'close_contact',
  household: '',
  pregnant: false,
  chronicIllness: false,
  disability: false,
};

const isBlank = (d: Draft) => !d.fullName.trim() && !d.documentNumber.trim();

/**
 * Typing in a bus of arrivals: one row per person, Enter moves on (and opens a new row at the end),
 * a resident ID fills in birth date and gender. The whole grid registers in one call, all or nothing.
 */
export function RegisterGrid({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [rows, setRows] = useState<Draft[]>([{ ...EMPTY }, { ...EMPTY }, { ...EMPTY }]);
  const [sent, setSent] = useState<number[]>([]);
  const grid = useRef<HTMLDivElement>(null);
  const submit = useSubmit();

  const update = (index: number, patch: Partial<Draft>) =>
    setRows((all) =>
      all.map((row, i) => {
        if (i !== index) return row;
        const next = { ...row, ...patch };
        if (patch.documentNumber !== undefined && next.documentType === 'resident_id') {
          const parsed = parseResidentId(patch.documentNumber);
          if (parsed.ok)
            Object.assign(next, { birthDate: parsed.facts.birthDate, gender: parsed.facts.gender });
        }
        return next;
      }),
    );

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
    const people = indexes.map((i) => {
      const r = rows[i]!;
      return { ...r, household: r.household.trim() || undefined };
    });
    if (await submit.run(() => call('arrivals.register', { batchId, people }))) {
      notify(t('arrivals.submitted', { count: people.length }));
      setRows([{ ...EMPTY }, { ...EMPTY }, { ...EMPTY }]);
    }
  };

  /** The refusal for row `i` of the grid, field `f` (main names `people.<sent index>.<field>`). */
  const fieldError = (i: number, f: keyof Draft) => submit.fields[`people.${sent.indexOf(i)}.${f}`];
  const text = (
    i: number,
    f: 'fullName' | 'documentNumber' | 'birthDate' | 'phone' | 'household',
    width: number,
    placeholder?: string,
  ) => (
    <TextField
      variant="standard"
      value={rows[i]![f]}
      onChange={(e) => update(i, { [f]: e.target.value })}
      error={!!fieldError(i, f)}
      helperText={fieldError(i, f)}
      placeholder={placeholder}
      slotProps={{
        htmlInput: { 'aria-label': `${t('arrivals.row', { n: i + 1 })} ${t(`people.${f}`)}` },
      }}
      sx={{ width }}
    />
  );
  const select = <V extends string>(
    i: number,
    f: 'gender' | 'documentType' | 'category',
    options: readonly V[],
    prefix: 'documentType' | 'gender' | 'category',
    width: number,
  ) => (
    <TextField
      select
      variant="standard"
      value={rows[i]![f]}
      onChange={(e) => update(i, { [f]: e.target.value })}
      error={!!fieldError(i, f)}
      helperText={fieldError(i, f)}
      slotProps={{
        select: { native: true },
        htmlInput: { 'aria-label': `${t('arrivals.row', { n: i + 1 })} ${t(`people.${f}`)}` },
      }}
      sx={{ width }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {t(codeKey(prefix, o))}
        </option>
      ))}
    </TextField>
  );
  const flag = (i: number, f: 'pregnant' | 'chronicIllness' | 'disability') => (
    <Checkbox
      size="small"
      checked={rows[i]![f]}
      onChange={(e) => update(i, { [f]: e.target.checked })}
      slotProps={{ input: { 'aria-label': `${t('arrivals.row', { n: i + 1 })} ${f}` } }}
      sx={{ p: 0.25 }}
    />
  );

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('arrivals.rowHint')}
      </Typography>
      <Box ref={grid} onKeyDown={onKeyDown} sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={t('arrivals.tabRegister')}
          sx={{ '& td': { py: 0.5, px: 0.75, verticalAlign: 'top' } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{t('people.fullName')}</TableCell>
              <TableCell>{t('people.documentType')}</TableCell>
              <TableCell>{t('people.documentNumber')}</TableCell>
              <TableCell>{t('people.gender')}</TableCell>
              <TableCell>{t('people.birthDate')}</TableCell>
              <TableCell>{t('people.phone')}</TableCell>
              <TableCell>{t('people.category')}</TableCell>
              <TableCell>{t('people.household')}</TableCell>
              <TableCell>{t('people.flags')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((_row, i) => (
              <TableRow key={i}>
                <TableCell sx={{ color: 'text.secondary' }}>{i + 1}</TableCell>
                <TableCell>{text(i, 'fullName', 76)}</TableCell>
                <TableCell>
                  {select(i, 'documentType', DOCUMENT_TYPES, 'documentType', 96)}
                </TableCell>
                <TableCell>{text(i, 'documentNumber', 165)}</TableCell>
                <TableCell>{select(i, 'gender', GENDERS, 'gender', 50)}</TableCell>
                <TableCell>{text(i, 'birthDate', 92, 'YYYY-MM-DD')}</TableCell>
                <TableCell>{text(i, 'phone', 100)}</TableCell>
                <TableCell>{select(i, 'category', CATEGORIES, 'category', 116)}</TableCell>
                <TableCell>{text(i, 'household', 64)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {flag(i, 'pregnant')}
                  {flag(i, 'chronicIllness')}
                  {flag(i, 'disability')}
                </TableCell>
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
