import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListPreview, RowPreview } from '@shared/imports';
import { reasonText } from './reasonText';

/** A column a list adds between the name and the check result (a role, a donor, a quantity). */
export interface PreviewColumn<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

/** Rows in groups of one key, groups in the order the file first names them. */
function groupRows<R>(rows: readonly R[], key: (row: R) => string): [string, R[]][] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return [...groups];
}

/**
 * The preview of an imported list, the same for every list: how many rows can go in and how many
 * cannot, each row by the label the paper list gives it (序号, else the file line) and its name,
 * sound or refused with every reason in words, a box to choose it (select all / none, or a whole
 * group), and the columns the import does not read. Knows nothing of what the rows are.
 */
export function ImportPreviewTable<R extends RowPreview>(props: {
  preview: ListPreview<R>;
  selected: ReadonlySet<number>;
  onSelectedChange: (lines: Set<number>) => void;
  /** Accessible name of the table. */
  label: string;
  nameHeader?: string;
  columns?: readonly PreviewColumn<R>[];
  /** The column a reason concerns, in words (without it a reason reads alone). */
  fieldLabel?: (field: string) => string;
  /** Rows under a header per key (e.g. the donor), each header choosing its group. */
  groupBy?: (row: R) => string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { preview, selected, onSelectedChange, columns = [] } = props;
  const sound = preview.rows.filter((r) => r.ok);
  const width = 4 + columns.length;

  const choose = (rows: readonly R[], on: boolean) => {
    const next = new Set(selected);
    for (const r of rows) {
      if (!r.ok) continue;
      if (on) next.add(r.line);
      else next.delete(r.line);
    }
    onSelectedChange(next);
  };

  const rowOf = (r: R) => (
    <TableRow key={r.line} hover selected={selected.has(r.line)}>
      <TableCell padding="checkbox">
        <Checkbox
          size="small"
          checked={selected.has(r.line)}
          disabled={!r.ok || props.disabled}
          onChange={(e) => choose([r], e.target.checked)}
          slotProps={{ input: { 'aria-label': t('importPreview.selectRow', { label: r.label }) } }}
        />
      </TableCell>
      <TableCell>{r.label}</TableCell>
      <TableCell>{r.name}</TableCell>
      {columns.map((c) => (
        <TableCell key={c.header}>{c.cell(r)}</TableCell>
      ))}
      <TableCell>
        {r.ok ? (
          <Chip size="small" color="success" variant="outlined" label={t('importPreview.ok')} />
        ) : (
          <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <Chip
              size="small"
              color="error"
              variant="outlined"
              label={t('importPreview.refused')}
            />
            {r.reasons.map((reason, i) => (
              <Typography key={i} variant="body2" color="error">
                {reasonText(t, reason, props.fieldLabel)}
              </Typography>
            ))}
          </Stack>
        )}
      </TableCell>
    </TableRow>
  );

  return (
    <Stack spacing={1.5}>
      <Alert severity={preview.refused > 0 ? 'warning' : 'success'} role="status">
        {t('importPreview.counts', {
          total: preview.rows.length,
          ok: preview.ok,
          refused: preview.refused,
        })}
      </Alert>
      {preview.ignoredColumns.length > 0 && (
        <Alert severity="info">
          {t('importPreview.ignoredColumns', { columns: preview.ignoredColumns.join('、') })}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2">
          {t('importPreview.selected', { count: selected.size })}
        </Typography>
        <Button
          size="small"
          disabled={props.disabled || sound.length === 0}
          onClick={() => choose(sound, true)}
        >
          {t('importPreview.selectAll')}
        </Button>
        <Button
          size="small"
          disabled={props.disabled || selected.size === 0}
          onClick={() => onSelectedChange(new Set())}
        >
          {t('importPreview.selectNone')}
        </Button>
      </Stack>
      <Box sx={{ maxHeight: 420, overflowY: 'auto' }}>
        <Table size="small" stickyHeader aria-label={props.label}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell sx={{ width: 72 }}>
                {t(preview.labels === 'serial' ? 'importPreview.serial' : 'importPreview.line')}
              </TableCell>
              <TableCell>{props.nameHeader ?? t('importPreview.name')}</TableCell>
              {columns.map((c) => (
                <TableCell key={c.header}>{c.header}</TableCell>
              ))}
              <TableCell>{t('importPreview.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.groupBy
              ? groupRows(preview.rows, props.groupBy).map(([group, rows]) => {
                  const open = rows.filter((r) => r.ok);
                  const chosen = open.filter((r) => selected.has(r.line)).length;
                  return (
                    <Fragment key={group}>
                      <TableRow>
                        <TableCell padding="checkbox">
                          <Checkbox
                            size="small"
                            checked={open.length > 0 && chosen === open.length}
                            indeterminate={chosen > 0 && chosen < open.length}
                            disabled={open.length === 0 || props.disabled}
                            onChange={(e) => choose(rows, e.target.checked)}
                            slotProps={{ input: { 'aria-label': group } }}
                          />
                        </TableCell>
                        <TableCell colSpan={width - 1} sx={{ fontWeight: 600 }}>
                          {group}
                        </TableCell>
                      </TableRow>
                      {rows.map(rowOf)}
                    </Fragment>
                  );
                })
              : preview.rows.map(rowOf)}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
}
