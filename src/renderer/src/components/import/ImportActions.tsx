import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import { useTranslation } from 'react-i18next';

/** An import dialog's buttons: cancel, and import what was chosen (off while nothing is). */
export function ImportActions(props: {
  onCancel: () => void;
  onImport: () => Promise<unknown>;
  /** The import button's words, e.g. "导入所选 24 人". */
  label: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DialogActions>
      <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      <Button variant="contained" onClick={() => void props.onImport()} disabled={props.disabled}>
        {props.label}
      </Button>
    </DialogActions>
  );
}
