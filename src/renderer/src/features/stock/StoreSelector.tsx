import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { FormDialog } from '@renderer/components/FormDialog';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';

/**
 * Which store the stock screens show: the site store or a floor station. Managers add stations
 * and archive empty ones here.
 */
export function StoreSelector(props: {
  siteId: number;
  locationId: number | undefined;
  canManage: boolean;
  onChange: (locationId: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const stores = useApiQuery('stock.locations', { siteId: props.siteId });
  const list = stores.data ?? [];
  const chosen = list.find((l) =>
    props.locationId === undefined ? l.main : l.id === props.locationId,
  );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={t('stock.store')}
        value={chosen?.id ?? ''}
        onChange={(e) => {
          const id = Number(e.target.value);
          props.onChange(list.find((l) => l.id === id)?.main ? undefined : id);
        }}
        sx={{ minWidth: 180 }}
      >
        {list.map((l) => (
          <MenuItem key={l.id} value={l.id}>
            {l.name}
          </MenuItem>
        ))}
      </TextField>
      {props.canManage && (
        <Button size="small" onClick={() => setAdding(true)}>
          {t('stock.addStore')}
        </Button>
      )}
      {props.canManage && chosen && !chosen.main && (
        <Button size="small" color="warning" onClick={() => setArchiving(true)}>
          {t('stock.archiveStore')}
        </Button>
      )}
      <FormDialog
        open={adding}
        title={t('stock.addStore')}
        fields={[{ name: 'name', label: t('stock.storeName'), initial: '', required: true }]}
        onSubmit={(v) => call('stock.createLocation', { siteId: props.siteId, name: v.name ?? '' })}
        onDone={() => {
          setAdding(false);
        }}
        onClose={() => setAdding(false)}
      />
      <ConfirmDialog
        open={archiving}
        text={t('stock.archiveStoreConfirm', { name: chosen?.name ?? '' })}
        confirmLabel={t('stock.archiveStore')}
        onConfirm={() => {
          if (!chosen) return;
          call('stock.archiveLocation', { siteId: props.siteId, id: chosen.id }).then(
            () => props.onChange(undefined),
            (error: unknown) => notify(errorText(t, error), 'error'),
          );
        }}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
