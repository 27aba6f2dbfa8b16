import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import { call } from '@renderer/api/client';
import { textsInto } from '@renderer/components/contractForm';
import { FormDialog } from '@renderer/components/FormDialog';
import { numberOrNaN } from '@renderer/components/numberInput';

const createInput = contract['arrivals.create'].input;
/** The dialog's texts as the contract's `arrivals.create` input, checked by its own schema. */
const batchSchema = (siteId: number) =>
  textsInto(createInput, (v) => ({
    siteId,
    label: v.label ?? '',
    // The picker gives an instant, or a text no contract takes for one half typed.
    arrivedAt: v.arrivedAt ?? '',
    ...(v.expectedCount ? { expectedCount: numberOrNaN(v.expectedCount) } : {}),
    notes: '',
  }));

export function NewBatchDialog(props: {
  open: boolean;
  siteId: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const createdId = useRef(0);
  const schema = useMemo(() => batchSchema(props.siteId), [props.siteId]);
  return (
    <FormDialog
      open={props.open}
      title={t('arrivals.newBatch')}
      fields={[
        { name: 'label', label: t('arrivals.label'), initial: '', required: true },
        {
          name: 'arrivedAt',
          label: t('arrivals.arrivedAt'),
          initial: new Date().toISOString(),
          type: 'datetime',
          required: true,
        },
        { name: 'expectedCount', label: t('arrivals.expectedCount'), initial: '', type: 'number' },
      ]}
      schema={schema}
      onSubmit={async (input) => {
        const batch = await call('arrivals.create', input);
        createdId.current = batch.id;
      }}
      onDone={() => props.onCreated(createdId.current)}
      onClose={props.onClose}
    />
  );
}
