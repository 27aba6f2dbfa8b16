import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATION_KINDS, type DestinationKind, type StockItem } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { useNotify } from '@renderer/notify';
import { emptyLine, LineList, type Line } from './LineEditor';
import { KindSelect } from './KindSelect';
import type { StoreScope } from './storeScope';

function baseQuantity(item: StockItem | undefined, line: Line): number {
  const n = numberOrNaN(line.quantity);
  if (!item || !Number.isInteger(n) || n <= 0) return 0;
  return n * (item.units.find((u) => u.unit === line.unit)?.factor ?? 1);
}

/** What first-expiry-first-out would take for one line, shown before posting. */
function PlanHint({
  scope,
  item,
  quantity,
}: {
  scope: StoreScope;
  item: StockItem;
  quantity: number;
}) {
  const { t } = useTranslation();
  const plan = useApiQuery(
    'stock.planIssue',
    { ...scope, itemId: item.id, quantity },
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

/** Issued to someone, or sent to another store of the site (a transfer). */
type Destination = DestinationKind | 'store';

/**
 * An issue to a floor, room, post, staff member, community or department, or a transfer to
 * another store of the site; lots first-expiry-first-out either way.
 */
export function IssuePanel({ scope }: { scope: StoreScope }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const items = useApiQuery('stock.items', {});
  const stores = useApiQuery('stock.locations', { siteId: scope.siteId });
  const otherStores = (stores.data ?? []).filter((l) =>
    scope.locationId === undefined ? !l.main : l.id !== scope.locationId,
  );
  const [kind, setKind] = useState<Destination>('floor');
  const [destination, setDestination] = useState('');
  const [toStore, setToStore] = useState<number | ''>('');
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
        const head = {
          siteId: scope.siteId,
          occurredAt: new Date().toISOString(),
          reason,
          lines: lines.map((l) => ({
            itemId: l.itemId === '' ? 0 : l.itemId,
            quantity: numberOrNaN(l.quantity),
            unit: l.unit,
          })),
        };
        void submit
          .run(async () => {
            const doc =
              kind === 'store'
                ? await call('stock.transfer', {
                    ...head,
                    fromLocationId: scope.locationId,
                    toLocationId: toStore === '' ? 0 : toStore,
                  })
                : await call('stock.issue', {
                    ...head,
                    locationId: scope.locationId,
                    destinationKind: kind,
                    destination,
                  });
            notify(t(kind === 'store' ? 'stock.transferred' : 'stock.issued', { id: doc.id }));
          })
          .then((ok) => {
            if (!ok) return;
            setLines([emptyLine()]);
          });
      }}
    >
      <Stack direction="row" spacing={2}>
        <KindSelect<Destination>
          label={t('stock.destinationKind')}
          value={kind}
          options={DESTINATION_KINDS}
          labelOf={(d) => (d === 'store' ? t('stock.toStore') : t(`destinationKind.${d}`))}
          onChange={setKind}
          minWidth={150}
        >
          {otherStores.length > 0 && <MenuItem value="store">{t('stock.toStore')}</MenuItem>}
        </KindSelect>
        {kind === 'store' ? (
          <TextField
            select
            label={t('stock.toStoreName')}
            value={toStore}
            onChange={(e) => setToStore(Number(e.target.value))}
            required
            sx={{ minWidth: 180 }}
            error={!!submit.fields.toLocationId}
            helperText={submit.fields.toLocationId}
          >
            {otherStores.map((l) => (
              <MenuItem key={l.id} value={l.id}>
                {l.name}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            label={t('stock.destination')}
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
            required
            error={!!submit.fields.destination}
            helperText={submit.fields.destination}
          />
        )}
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
              scope={scope}
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
