import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receivedInstant } from '@shared/receivedInstant';
import { siteDay } from '@shared/siteDate';
import { PARTY_KINDS, RECEIPT_SOURCES, type PartyKind, type ReceiptSource } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { FieldRow } from '@renderer/components/FieldRow';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { ImportReceiptDialog } from './ImportReceiptDialog';
import { emptyLine, LineList, type Line } from './LineEditor';
import { KindSelect } from './KindSelect';
import type { StoreScope } from './storeScope';
import { DateInput } from '@renderer/components/dates/DateInput';
import { isDay } from '@renderer/components/dates/pickerValue';

/** A receipt: where it came from (a donor for donations), the day it arrived, and its lines. */
export function ReceivePanel({ scope }: { scope: StoreScope }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const items = useApiQuery('stock.items', {});
  const [source, setSource] = useState<ReceiptSource>('donation');
  const [partyKind, setPartyKind] = useState<PartyKind>('company');
  const [party, setParty] = useState('');
  const [contact, setContact] = useState('');
  const [phone, setPhone] = useState('');
  const today = siteDay(new Date());
  const [receivedOn, setReceivedOn] = useState(today);
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [importing, setImporting] = useState(false);
  const submit = useSubmit();
  const needsParty = source === 'donation' || source === 'purchase';
  // The next receipt is another donor's: nothing of this one's donor stays in the form.
  const forgetDonor = () => {
    setParty('');
    setContact('');
    setPhone('');
  };
  return (
    <Stack
      component="form"
      spacing={2}
      sx={{ maxWidth: 1000 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit
          .run(async () => {
            const doc = await call('stock.receive', {
              ...scope,
              occurredAt: receivedInstant(receivedOn, new Date()),
              source,
              ...(party.trim() ? { party: { kind: partyKind, name: party, contact, phone } } : {}),
              lines: lines.map((l) => ({
                itemId: l.itemId === '' ? 0 : l.itemId,
                quantity: numberOrNaN(l.quantity),
                unit: l.unit,
                ...(l.lotCode.trim() ? { lotCode: l.lotCode } : {}),
                ...(l.expiry ? { expiry: l.expiry } : {}),
              })),
            });
            notify(t('stock.received', { id: doc.id }));
          })
          .then((ok) => {
            if (!ok) return;
            setLines([emptyLine()]);
            forgetDonor();
          });
      }}
    >
      <FieldRow>
        <KindSelect
          label={t('stock.source')}
          value={source}
          options={RECEIPT_SOURCES}
          labelOf={(s) => t(`receiptSource.${s}`)}
          onChange={setSource}
          minWidth={150}
        />
        <KindSelect
          label={t('stock.donorKind')}
          value={partyKind}
          options={PARTY_KINDS}
          labelOf={(k) => t(`partyKind.${k}`)}
          onChange={setPartyKind}
          minWidth={130}
        />
        <TextField
          label={t('stock.donor')}
          value={party}
          onChange={(e) => setParty(e.target.value)}
          required={needsParty}
          error={!!submit.fields.party || !!submit.fields['party.name']}
          helperText={submit.fields.party ?? submit.fields['party.name']}
          sx={{ minWidth: 240 }}
        />
        <TextField
          label={t('stock.contact')}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <TextField
          label={t('stock.phone')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <DateInput
          label={t('stock.receivedOn')}
          value={receivedOn}
          onChange={(v) => isDay(v) && setReceivedOn(v)}
          maxDay={today}
          error={!!submit.fields.occurredAt}
          helperText={submit.fields.occurredAt}
          sx={{ minWidth: 160 }}
        />
      </FieldRow>
      <LineList
        lines={lines}
        onChange={setLines}
        items={items.data ?? []}
        withLot
        fields={submit.fields}
      />
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
      <Stack direction="row" spacing={2}>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('stock.post')}
        </Button>
        <Button startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
          {t('stock.importFromFile')}
        </Button>
      </Stack>
      <ImportReceiptDialog
        open={importing}
        scope={scope}
        source={source}
        party={party.trim() ? { kind: partyKind, name: party, contact, phone } : null}
        partyKind={partyKind}
        receivedOn={receivedOn}
        onClose={() => setImporting(false)}
        onDone={() => {
          setImporting(false);
          forgetDonor();
        }}
      />
    </Stack>
  );
}
