import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@renderer/api/useQuery';
import { errorText } from '@renderer/i18n/errorText';
import { ArchivePanel } from './ArchivePanel';
import { PurgePanel } from './PurgePanel';

/** 数据归档与清除: the end of the epidemic, for administrators. */
export function PrivacyTab() {
  const { t } = useTranslation();
  const [refreshKey, setRefreshKey] = useState(0);
  const preview = useQuery('privacy.purgePreview', {}, { refreshKey });
  const reload = () => setRefreshKey((k) => k + 1);
  return (
    <>
      <ArchivePanel preview={preview.data} onExported={reload} />
      {preview.error && <Alert severity="error">{errorText(t, preview.error)}</Alert>}
      {preview.data && <PurgePanel preview={preview.data} onChanged={reload} />}
    </>
  );
}
