import type { Messages } from '@shared/i18n/zh-CN';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportRow,
} from '@shared/imports';
import { call } from '@renderer/api/client';
import { ImportActions } from '@renderer/components/import/ImportActions';
import { ImportFileBar } from '@renderer/components/import/ImportFileBar';
import {
  ImportPreviewTable,
  type PreviewColumn,
} from '@renderer/components/import/ImportPreviewTable';
import { useListPreview, type PickedFile } from '@renderer/components/import/useListPreview';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { PreviewCheckInWarnings } from './CheckInWarnings';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const template = () => call('arrivals.importTemplate', {});

/**
 * Importing the list the district sent: pick a CSV or XLSX file (or download the template), check
 * which column feeds which field, read every row in the preview every list import shows, choose
 * the rows, and register the chosen ones together (all or none). Nothing is written before.
 */
export function ImportDialog(props: {
  open: boolean;
  batchId: number;
  /** The batch's arrival: whose observation is over at check-in is warned about. */
  arrivedAt?: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="lg" fullWidth>
      {props.open && <ImportForm {...props} />}
    </Dialog>
  );
}

function ImportForm({ batchId, arrivedAt, onClose }: Parameters<typeof ImportDialog>[0]) {
  const { t } = useTranslation();
  const notify = useNotify();
  const submit = useSubmit();
  /** The coordinator's mapping; undefined until one is changed (main then suggests it). */
  const [mapping, setMapping] = useState<ImportMapping>();
  // The loader reads the mapping from a ref so that a remap and the reload it starts agree.
  const sentMapping = useRef<ImportMapping | undefined>(undefined);
  const load = useCallback(
    (file: PickedFile) =>
      call('arrivals.importPreview', {
        batchId,
        ...file,
        ...(sentMapping.current ? { mapping: sentMapping.current } : {}),
      }),
    [batchId],
  );
  const list = useListPreview(load);
  const { preview } = list;
  const [sent, setSent] = useState<ImportRow[]>([]);

  const pick = (file: File) => {
    sentMapping.current = undefined;
    setMapping(undefined);
    submit.reset();
    void list.pick(file);
  };

  const shown = mapping ?? preview?.mapping ?? {};
  const remap = (field: ImportField, value: string) => {
    const others = Object.entries(shown).filter(([f]) => f !== field);
    const next = Object.fromEntries(
      value === '' ? others : [...others, [field, Number(value)]],
    ) as ImportMapping;
    sentMapping.current = next;
    setMapping(next);
    submit.reset();
    void list.reload();
  };

  const chosen = (preview?.rows ?? []).filter((r) => r.person && list.selected.has(r.line));
  const register = async () => {
    setSent(chosen);
    const people = chosen.flatMap((r) => (r.person ? [r.person] : []));
    if (await submit.run(() => call('arrivals.register', { batchId, people }))) {
      notify(t('import.imported', { count: people.length }));
      onClose();
    }
  };

  const fieldLabel = (field: string) =>
    (IMPORT_FIELDS as readonly string[]).includes(field)
      ? t(`import.field.${field as ImportField}`)
      : field;
  // Labelled by 序号, a row also shows its file line, where it is in the spreadsheet.
  const columns: PreviewColumn<ImportRow>[] =
    preview?.labels === 'serial' ? [{ header: t('import.row'), cell: (r) => r.line }] : [];
  const busy = list.reading || submit.busy;
  /** A refusal of arrivals.register names `people.<index>.<field>`: shown by the file's row. */
  const refusedRows = Object.entries(submit.fields).map(([path, text]) => {
    const [, index, field] = /^people\.(\d+)\.(\w+)$/.exec(path) ?? [];
    const row = index === undefined ? undefined : sent[Number(index)];
    return row === undefined
      ? text
      : `${t('import.rowRefused', { row: row.line, name: row.name })} ${t('import.problem', {
          // The field name comes back from main's refusal path (people.N.field).
          field: t(`import.field.${field as keyof Messages['import']['field']}`),
          reason: text,
        })}`;
  });

  return (
    <>
      <DialogTitle>{t('import.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('import.hint')}
          </Typography>
          <ImportFileBar
            onPick={pick}
            fileName={list.file?.fileName}
            template={template}
            disabled={busy}
          />
          {list.reading && <LinearProgress aria-label={t('importPreview.reading')} />}
          {list.problem && <Alert severity="error">{list.problem}</Alert>}

          {preview && (
            <>
              <Box>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {t('import.mapping')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {t('import.mappingHint')}
                </Typography>
                <Box
                  sx={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
                    gap: 1.5,
                  }}
                >
                  {IMPORT_FIELDS.map((field) => (
                    <TextField
                      key={field}
                      select
                      size="small"
                      label={t(`import.field.${field}`)}
                      value={shown[field] === undefined ? '' : String(shown[field])}
                      onChange={(e) => remap(field, e.target.value)}
                      disabled={submit.busy}
                      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                    >
                      <option value="">{t('import.notMapped')}</option>
                      {preview.headers.map((header, column) => (
                        <option key={column} value={column}>
                          {t('import.column', {
                            letter: columnLetter(column),
                            header: header || t('import.emptyHeader'),
                          })}
                        </option>
                      ))}
                    </TextField>
                  ))}
                </Box>
                {preview.ignoredColumns.length > 0 && (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {t('import.unmappedHint')}
                  </Typography>
                )}
              </Box>

              {arrivedAt && (
                <PreviewCheckInWarnings
                  rows={preview.rows.filter((r) => r.ok)}
                  arrivedAt={arrivedAt}
                />
              )}
              <Typography variant="body2" color="text.secondary">
                {t('import.allOrNothing')}
              </Typography>
              <ImportPreviewTable
                preview={preview}
                selected={list.selected}
                onSelectedChange={list.setSelected}
                label={t('import.rows')}
                nameHeader={t('import.field.fullName')}
                columns={columns}
                fieldLabel={fieldLabel}
                disabled={busy}
              />
            </>
          )}

          {submit.message && (
            <Alert severity="error">
              {submit.message}
              {refusedRows.map((text) => (
                <div key={text}>{text}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <ImportActions
        onCancel={onClose}
        onImport={register}
        label={t('import.importSelected', { count: chosen.length })}
        disabled={busy || chosen.length === 0}
      />
    </>
  );
}
