import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/api/client';
import { FormDialog } from '@renderer/components/FormDialog';
import { numberOrNaN } from '@renderer/components/numberInput';

/** `datetime-local` text for now, in the computer's own time. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function NewBatchDialog(props: {
  open: boolean;
  siteId: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const createdId = useRef(0);
  return (
    <FormDialog
      open={props.open}
      title={t('arrivals.newBatch')}
      fields={[
        { name: 'label', label: t('arrivals.label'), initial: '', required: true },
        {
          name: 'arrivedAt',
          label: t('arrivals.arrivedAt'),
          initial: localNow(),
          type: 'datetime-local',
          required: true,
        },
        { name: 'expectedCount', label: t('arrivals.expectedCount'), initial: '', type: 'number' },
      ]}
      onSubmit={async (v) => {
        const batch = await call('arrivals.create', {
          siteId: props.siteId,
          label: v.label ?? '',
          arrivedAt: new Date(v.arrivedAt ?? '').toISOString(),
          ...(v.expectedCount ? { expectedCount: numberOrNaN(v.expectedCount) } : {}),
          notes: '',
        });
        createdId.current = batch.id;
      }}
      onDone={() => props.onCreated(createdId.current)}
      onClose={props.onClose}
    />
  );
}
