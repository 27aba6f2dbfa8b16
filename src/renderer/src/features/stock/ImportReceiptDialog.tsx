import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PartyKind,
  ReceiptImportPreview,
  ReceiptImportRow,
  ReceiptSource,
} from '@shared/stock';
import { call } from '@renderer/api/client';
import { ImportActions } from '@renderer/components/import/ImportActions';
import { ImportFileBar } from '@renderer/components/import/ImportFileBar';
import { useListPreview, type PickedFile } from '@renderer/components/import/useListPreview';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { initialChoice, registerLine, type ImportChoice } from './importChoice';
import { RegisterPreviewTable } from './RegisterPreviewTable';
import { initiallyChosen } from './registerPreview';
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

const previewOf = (file: PickedFile) => call('stock.importPreview', file);

function Body(props: Parameters<typeof ImportReceiptDialog>[0]) {
  const { t } = useTranslation();
  const notify = useNotify();
  const items = useApiQuery('stock.items', {});
  const posting = useSubmit();
  const list = useListPreview(previewOf, initiallyChosen);
  const { preview, setSelected } = list;
  // The choices made on this preview; a file read again starts from what main found.
  const [decided, setDecided] = useState<{
    on: ReceiptImportPreview | null;
    choices: Record<number, ImportChoice>;
  }>({ on: null, choices: {} });
  const choices = decided.on === preview ? decided.choices : {};
  const known = items.data ?? [];
  const choose = (r: ReceiptImportRow, change: Partial<ImportChoice>) => {
    setDecided((d) => {
      const made = d.on === preview ? d.choices : {};
      const choice = { ...(made[r.row] ?? initialChoice(r)), ...change };
      return { on: preview, choices: { ...made, [r.row]: choice } };
    });
    // Choosing an item for a row is choosing to import it.
    const sound = preview?.rows.some((x) => x.line === r.row && x.ok);
    if (change.itemId !== undefined && sound) setSelected(new Set(list.selected).add(r.row));
  };
  const busy = list.reading || posting.busy;
  const post = () =>
    posting
      .run(async () => {
        const defaults = {
          donorKind: props.partyKind,
          aboutNote: (written: string) => t('stock.approxNote', { text: written }),
        };
        const lines = (preview?.rows ?? [])
          .filter((r) => list.selected.has(r.line))
          .map((r) => registerLine(r, choices[r.line] ?? initialChoice(r), known, defaults));
        const docs = await call('stock.importRegister', {
          ...props.scope,
          source: props.source,
          ...(props.party ? { party: props.party } : {}),
          receivedOn: props.receivedOn,
          lines,
        });
        notify(t('stock.importedReceipts', { count: docs.length }));
      })
      .then((ok) => ok && props.onDone());
  return (
    <>
      <DialogTitle>{t('stock.importTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('stock.fileHint')}
          </Typography>
          <ImportFileBar
            onPick={(file) => {
              posting.reset();
              void list.pick(file);
            }}
            fileName={list.file?.fileName}
            template={() => call('stock.registerTemplate', { format: 'xlsx' })}
            disabled={busy}
          />
          {list.reading && <LinearProgress aria-label={t('importPreview.reading')} />}
          {list.problem && <Alert severity="error">{list.problem}</Alert>}
          {preview && (
            <RegisterPreviewTable
              preview={preview}
              selected={list.selected}
              onSelectedChange={setSelected}
              choices={choices}
              items={known}
              formDonor={props.party?.name ?? ''}
              formDay={props.receivedOn}
              formKind={props.partyKind}
              postFields={posting.fields}
              choose={choose}
              disabled={posting.busy}
            />
          )}
          {posting.message && <Alert severity="error">{posting.message}</Alert>}
        </Stack>
      </DialogContent>
      <ImportActions
        onCancel={props.onClose}
        onImport={post}
        label={t('stock.importButton')}
        disabled={!preview || list.selected.size === 0 || busy}
      />
    </>
  );
}
