import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyKind, ReceiptImportRow, ReceiptSource } from '@shared/stock';
import { call } from '@renderer/api/client';
import { readBase64 } from '@renderer/api/readFile';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { initialChoice, registerLine, type ImportChoice } from './importChoice';
import { RegisterFilePicker } from './RegisterFilePicker';
import { RegisterPreviewTable } from './RegisterPreviewTable';
import type { StoreScope } from './storeScope';

/**
 * A donation list or a whole register from a file: read, names matched (unknown ones chosen by
 * hand), then posted as one receipt per donor and day, all at once or not at all.
 */
export function ImportReceiptDialog(props: {
  open: boolean;
  scope: StoreScope;
  source: ReceiptSource;
  /** The form's donor, for a list that names none (null when the form names none either). */
  party: { kind: PartyKind; name: string; contact: string; phone: string } | null;
  /** The form's donor kind, for a register line whose kind neither the list nor the name says. */
  partyKind: PartyKind;
  /** The form's day the goods arrived, for lines that give none. */
  receivedOn: string;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xl" fullWidth>
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
  const includeAll = (include: boolean) =>
    setChoices((all) =>
      Object.fromEntries(
        (rows ?? []).map((r) => [r.row, { ...(all[r.row] ?? initialChoice(r)), include }]),
      ),
    );
  return (
    <>
      <DialogTitle>{t('stock.importTitle')}</DialogTitle>
      <DialogContent>
        <RegisterFilePicker
          busy={reading.busy}
          onFile={(file) =>
            void reading.run(async () => {
              posting.reset();
              const preview = await call('stock.importPreview', {
                fileName: file.name,
                base64: await readBase64(file),
              });
              setRows(preview.rows);
              setChoices(Object.fromEntries(preview.rows.map((r) => [r.row, initialChoice(r)])));
            })
          }
        />
        {reading.message && <Alert severity="error">{reading.message}</Alert>}
        {rows && (
          <>
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <Button size="small" onClick={() => includeAll(true)}>
                {t('stock.selectAll')}
              </Button>
              <Button size="small" onClick={() => includeAll(false)}>
                {t('stock.selectNone')}
              </Button>
            </Stack>
            <RegisterPreviewTable
              rows={rows}
              choices={choices}
              items={known}
              formDonor={props.party?.name ?? ''}
              formDay={props.receivedOn}
              formKind={props.partyKind}
              postFields={posting.fields}
              choose={choose}
            />
          </>
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
                const defaults = {
                  donorKind: props.partyKind,
                  aboutNote: (written: string) => t('stock.approxNote', { text: written }),
                };
                const lines = (rows ?? [])
                  .filter((r) => choices[r.row]?.include)
                  .map((r) => registerLine(r, choices[r.row]!, known, defaults));
                const docs = await call('stock.importRegister', {
                  ...props.scope,
                  source: props.source,
                  ...(props.party ? { party: props.party } : {}),
                  receivedOn: props.receivedOn,
                  lines,
                });
                notify(t('stock.importedReceipts', { count: docs.length }));
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
