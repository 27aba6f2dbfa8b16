import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffImportRow } from '@shared/roster';
import { ApiCallError, call } from '@renderer/api/client';
import { ImportActions } from '@renderer/components/import/ImportActions';
import { ImportFileBar } from '@renderer/components/import/ImportFileBar';
import {
  ImportPreviewTable,
  type PreviewColumn,
} from '@renderer/components/import/ImportPreviewTable';
import { useListPreview, type PickedFile } from '@renderer/components/import/useListPreview';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';

/** The columns of a staff list in words: the template's own headers. */
const FIELD_KEYS = {
  serial: 'staffImport.template.serial',
  fullName: 'staffImport.template.fullName',
  role: 'staffImport.template.role',
  unit: 'staffImport.template.unit',
  phone: 'staffImport.template.phone',
  skills: 'staffImport.template.skills',
  maxHoursWeek: 'staffImport.template.maxHoursWeek',
} as const;

const previewOf = (file: PickedFile) => call('staff.importPreview', file);
const template = () => call('staff.importTemplate', {});

/**
 * A staff list in one go instead of one dialog per person: pick the file (or download the
 * template), read the preview, choose the rows, import them all or none.
 */
export function StaffImportDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="lg" fullWidth>
      {props.open && <StaffImportForm onClose={props.onClose} />}
    </Dialog>
  );
}

function StaffImportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const submit = useSubmit();
  const list = useListPreview(previewOf);
  const [changed, setChanged] = useState(false);
  const fieldLabel = (field: string) =>
    field in FIELD_KEYS ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : field;
  const columns: PreviewColumn<StaffImportRow>[] = [
    {
      header: t('staffImport.template.role'),
      cell: (r) =>
        r.staff && t(`staffRole.${r.staff.role}`) !== r.roleText
          ? `${t(`staffRole.${r.staff.role}`)}（${r.roleText}）`
          : r.roleText,
    },
    { header: t('staffImport.template.unit'), cell: (r) => r.unit },
  ];
  const chosen = (list.preview?.rows ?? []).flatMap((r) =>
    r.staff && list.selected.has(r.line) ? [{ line: r.line, ...r.staff }] : [],
  );

  const importChosen = async () => {
    setChanged(false);
    let refusedRows = false;
    const done = await submit.run(async () => {
      try {
        await call('staff.import', { rows: chosen });
      } catch (error) {
        refusedRows =
          error instanceof ApiCallError &&
          Object.keys(error.error.fields ?? {}).some((path) => path.startsWith('rows.'));
        throw error;
      }
    });
    if (done) {
      notify(t('staffImport.imported', { count: chosen.length }));
      onClose();
    } else if (refusedRows) {
      // The staff list changed since the preview: check the file again so each row says why.
      setChanged(true);
      submit.reset();
      await list.reload();
    }
  };

  const busy = list.reading || submit.busy;
  return (
    <>
      <DialogTitle>{t('staffImport.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t('staffImport.hint')}
          </Typography>
          <ImportFileBar
            onPick={(file) => {
              setChanged(false);
              submit.reset();
              void list.pick(file);
            }}
            fileName={list.file?.fileName}
            template={template}
            disabled={busy}
          />
          {list.reading && <LinearProgress aria-label={t('importPreview.reading')} />}
          {list.problem && <Alert severity="error">{list.problem}</Alert>}
          {changed && <Alert severity="warning">{t('staffImport.changed')}</Alert>}
          {list.preview && (
            <ImportPreviewTable
              preview={list.preview}
              selected={list.selected}
              onSelectedChange={list.setSelected}
              label={t('staffImport.title')}
              nameHeader={t('staffImport.template.fullName')}
              columns={columns}
              fieldLabel={fieldLabel}
              disabled={busy}
            />
          )}
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <ImportActions
        onCancel={onClose}
        onImport={importChosen}
        label={t('staffImport.importSelected', { count: chosen.length })}
        disabled={busy || chosen.length === 0}
      />
    </>
  );
}
