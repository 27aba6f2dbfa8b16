import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { errorText } from '@renderer/i18n/errorText';
import { ArchivePanel } from './ArchivePanel';
import { PurgePanel } from './PurgePanel';

/** 数据归档与清除: the end of the epidemic, for administrators. */
export function PrivacyTab() {
  const { t } = useTranslation();
  const preview = useApiQuery('privacy.purgePreview', {});
  return (
    <>
      <ArchivePanel preview={preview.data} onExported={preview.reload} />
      {preview.error && <Alert severity="error">{errorText(t, preview.error)}</Alert>}
      {preview.data && <PurgePanel preview={preview.data} />}
    </>
  );
}
