import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATION_KINDS, type DestinationKind, type StockItem } from '../../../../shared/stock';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { numberOrNaN } from '../../components/numberInput';
import { useSubmit } from '../../components/useSubmit';
import { useNotify } from '../../notify';
import { emptyLine, LineList, type Line } from './LineEditor';

function baseQuantity(item: StockItem | undefined, line: Line): number {
  const n = numberOrNaN(line.quantity);
  if (!item || !Number.isInteger(n) || n <= 0) return 0;
  return n * (item.units.find((u) => u.unit === line.unit)?.factor ?? 1);
}

/** What first-expiry-first-out would take for one line, shown before posting. */
function PlanHint({
  siteId,
  item,
  quantity,
}: {
  siteId: number;
  item: StockItem;
  quantity: number;
}) {
  const { t } = useTranslation();
  const plan = useQuery(
    'stock.planIssue',
    { siteId, itemId: item.id, quantity },
    { skip: quantity <= 0 },
  );
  if (!plan.data) return null;
  return (
    <Typography
      variant="body2"
      color={plan.data.available < quantity ? 'error' : 'text.secondary'}
      sx={{ ml: 1 }}
    >
      {t('stock.available', { available: plan.data.available, unit: item.baseUnit })}
      {item.tracksLots &&
        plan.data.picks.length > 0 &&
        ` · ${t('stock.plan', { picks: plan.data.picks.map((p) => `${p.code}×${p.quantity}`).join('、') })}`}
    </Typography>
  );
}

/** An issue to a floor, room, post, staff member, community or department. */
export function IssuePanel({ siteId, onPosted }: { siteId: number; onPosted: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const items = useQuery('stock.items', {});
  const [kind, setKind] = useState<DestinationKind>('floor');
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const submit = useSubmit();
  const itemOf = (l: Line) => items.data?.find((i) => i.id === l.itemId);
  return (
    <Stack
      component="form"
      spacing={2}
      sx={{ maxWidth: 1000 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit
          .run(async () => {
            const doc = await call('stock.issue', {
              siteId,
              occurredAt: new Date().toISOString(),
              destinationKind: kind,
              destination,
              reason,
              lines: lines.map((l) => ({
                itemId: l.itemId === '' ? 0 : l.itemId,
                quantity: numberOrNaN(l.quantity),
                unit: l.unit,
              })),
            });
            notify(t('stock.issued', { id: doc.id }));
          })
          .then((ok) => {
            if (!ok) return;
            setLines([emptyLine()]);
            onPosted();
          });
      }}
    >
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('stock.destinationKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as DestinationKind)}
          sx={{ minWidth: 150 }}
        >
          {DESTINATION_KINDS.map((d) => (
            <MenuItem key={d} value={d}>
              {t(`destinationKind.${d}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('stock.destination')}
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
          required
          error={!!submit.fields.destination}
          helperText={submit.fields.destination}
        />
        <TextField
          label={t('stock.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          sx={{ minWidth: 260 }}
        />
      </Stack>
      <LineList
        lines={lines}
        onChange={setLines}
        items={items.data ?? []}
        withLot={false}
        fields={submit.fields}
        below={(line) =>
          itemOf(line) && (
            <PlanHint
              siteId={siteId}
              item={itemOf(line)!}
              quantity={baseQuantity(itemOf(line), line)}
            />
          )
        }
      />
      {submit.message && <Alert severity="error">{submit.message}</Alert>}
      <Button
        type="submit"
        variant="contained"
        disabled={submit.busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('stock.issueButton')}
      </Button>
    </Stack>
  );
}
