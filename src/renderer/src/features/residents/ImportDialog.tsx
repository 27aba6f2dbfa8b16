import type { Messages } from '@shared/i18n/zh-CN';
import { codeKey } from '@renderer/i18n/keys';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  MAX_IMPORT_BYTES,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRow,
} from '@shared/imports';
import { ApiCallError, call } from '@renderer/api/client';
import { useExport } from '@renderer/api/useExport';
import { useSubmit } from '@renderer/components/useSubmit';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { readBase64 } from '@renderer/api/readFile';
import { PreviewCheckInWarnings } from './CheckInWarnings';

interface PickedFile {
  fileName: string;
  base64: string;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const reasonText = (t: TFunction, code: string, params: Record<string, string | number> = {}) =>
  t([codeKey('fieldErrors', code), 'fieldErrors.invalid'], params);

const problemText = (t: TFunction, p: ImportProblem) =>
  t('import.problem', {
    field: t(`import.field.${p.field}`),
    reason: reasonText(t, p.code, p.params),
  });

/** Why the file could not be previewed: the file's own problem (with its numbers), or the refusal. */
function previewErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError && error.error.fields) {
    const texts = Object.values(error.error.fields).map((code) =>
      reasonText(t, code, error.error.params),
    );
    if (texts.length > 0) return texts.join(' ');
  }
  return errorText(t, error);
}

/**
 * Importing the list the district sent: pick a CSV or XLSX file, check which column feeds which
 * field, read the report of bad rows, then register every row (only when all are valid) or the
 * valid ones only. Nothing is written until one of the two buttons is pressed.
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
  const template = useExport();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<ImportRow[]>([]);
  /** Only the answer to the latest request is shown (a mapping may change while one runs). */
  const latest = useRef(0);

  const runPreview = async (picked: PickedFile, mapping?: ImportMapping) => {
    const mine = ++latest.current;
    setReading(true);
    setProblem(null);
    submit.reset();
    try {
      const result = await call('arrivals.importPreview', {
        batchId,
        fileName: picked.fileName,
        base64: picked.base64,
        ...(mapping ? { mapping } : {}),
      });
      if (mine === latest.current) setPreview(result);
    } catch (error) {
      if (mine === latest.current) {
        setPreview(null);
        setProblem(previewErrorText(t, error));
      }
    } finally {
      if (mine === latest.current) setReading(false);
    }
  };

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    // Picking the same file again (after editing it) must fire a change too.
    e.target.value = '';
    if (!chosen) return;
    setPreview(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setProblem(reasonText(t, 'file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      const picked = { fileName: chosen.name, base64: await readBase64(chosen) };
      setFile(picked);
      await runPreview(picked);
    } catch {
      setProblem(reasonText(t, 'file_unreadable'));
    }
  };

  const remap = (field: ImportField, value: string) => {
    if (!file || !preview) return;
    const others = Object.entries(preview.mapping).filter(([f]) => f !== field);
    const mapping = Object.fromEntries(
      value === '' ? others : [...others, [field, Number(value)]],
    ) as ImportMapping;
    setPreview({ ...preview, mapping });
    void runPreview(file, mapping);
  };

  const register = async (rows: ImportRow[]) => {
    setSent(rows);
    const people = rows.flatMap((r) => (r.person ? [r.person] : []));
    if (await submit.run(() => call('arrivals.register', { batchId, people }))) {
      notify(t('import.imported', { count: people.length }));
      onClose();
    }
  };

  const validRows = preview?.rows.filter((r) => r.ok) ?? [];
  const badRows = preview?.rows.filter((r) => !r.ok) ?? [];
  const busy = reading || submit.busy;
  /** A refusal of arrivals.register names `people.<index>.<field>`: shown by the file's row. */
  const refusedRows = Object.entries(submit.fields).map(([path, text]) => {
    const [, index, field] = /^people\.(\d+)\.(\w+)$/.exec(path) ?? [];
    const row = index === undefined ? undefined : sent[Number(index)];
    return row === undefined
      ? text
      : `${t('import.rowRefused', { row: row.row, name: row.name })} ${t('import.problem', {
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
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              component="label"
              variant="outlined"
              startIcon={<UploadFileIcon />}
              disabled={busy}
            >
              {t('import.pickFile')}
              <input
                hidden
                type="file"
                accept=".csv,.xlsx"
                aria-label={t('import.pickFile')}
                onChange={(e) => void onPick(e)}
              />
            </Button>
            {file && (
              <Typography variant="body2">
                {t('import.fileName', { name: file.fileName })}
              </Typography>
            )}
            <Box sx={{ flex: 1 }} />
            <Button
              startIcon={<DownloadIcon />}
              disabled={template.busy}
              onClick={() => void template.run(() => call('arrivals.importTemplate', {}))}
            >
              {t('import.template')}
            </Button>
          </Stack>
          {reading && <LinearProgress aria-label={t('import.reading')} />}
          {problem && <Alert severity="error">{problem}</Alert>}

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
                      value={
                        preview.mapping[field] === undefined ? '' : String(preview.mapping[field])
                      }
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
              </Box>

              {preview.unmapped.length > 0 && (
                <Alert severity="info">
                  {t('import.unmapped', { columns: preview.unmapped.join('、') })}{' '}
                  {t('import.unmappedHint')}
                </Alert>
              )}

              <Alert severity={preview.invalid > 0 ? 'warning' : 'success'}>
                {t('import.summary', {
                  total: preview.rows.length,
                  valid: preview.valid,
                  invalid: preview.invalid,
                })}{' '}
                {preview.invalid === 0 ? t('import.allValid') : t('import.allOrNothing')}
              </Alert>
              {arrivedAt && <PreviewCheckInWarnings rows={validRows} arrivedAt={arrivedAt} />}

              {badRows.length > 0 && (
                <Box>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                    {t('import.badRows')}
                  </Typography>
                  <Box sx={{ maxHeight: 320, overflowY: 'auto' }}>
                    <Table size="small" stickyHeader aria-label={t('import.badRows')}>
                      <TableHead>
                        <TableRow>
                          {preview.serialColumn !== null && (
                            <TableCell sx={{ width: 64 }}>{t('import.serial')}</TableCell>
                          )}
                          <TableCell sx={{ width: 64 }}>{t('import.row')}</TableCell>
                          <TableCell sx={{ width: 120 }}>{t('import.name')}</TableCell>
                          <TableCell>{t('import.problems')}</TableCell>
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {badRows.map((r) => (
                          <TableRow key={r.row}>
                            {preview.serialColumn !== null && (
                              <TableCell>{r.serial ?? ''}</TableCell>
                            )}
                            <TableCell>{r.row}</TableCell>
                            <TableCell>{r.name}</TableCell>
                            <TableCell>
                              {r.errors.map((p) => (
                                <div key={p.field}>{problemText(t, p)}</div>
                              ))}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </Box>
                </Box>
              )}
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
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="outlined"
          onClick={() => void register(validRows)}
          disabled={busy || validRows.length === 0}
        >
          {t('import.importValid', { count: validRows.length })}
        </Button>
        <Button
          variant="contained"
          onClick={() => void register(preview?.rows ?? [])}
          disabled={busy || !preview || preview.rows.length === 0 || badRows.length > 0}
        >
          {t('import.importAll')}
        </Button>
      </DialogActions>
    </>
  );
}
