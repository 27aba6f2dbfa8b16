import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCK_CATEGORIES, type StockCategory } from '@shared/stock';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { numberOrNaN } from '@renderer/components/numberInput';
import { useSubmit } from '@renderer/components/useSubmit';
import { DialogForm } from '@renderer/components/DialogForm';
import { KindSelect } from './KindSelect';

const list = (text: string): string[] =>
  text
    .split(/[,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "箱=50, 包=10" → packs; a malformed pack is sent as written so main names it. */
const packs = (text: string): { unit: string; factor: number }[] =>
  list(text).map((p) => {
    const [unit, factor] = p.split(/[=＝]/);
    return { unit: (unit ?? '').trim(), factor: numberOrNaN((factor ?? '').trim()) };
  });

/** The catalogue: what the store keeps, in which units, under which names. */
export function ItemsPanel() {
  const { t } = useTranslation();
  const canManage = useCan()('stock.manage');
  const items = useApiQuery('stock.items', {});
  const [adding, setAdding] = useState(false);
  return (
    <Stack spacing={2}>
      {canManage && (
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('stock.newItem')}
        </Button>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('stock.tabItems')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.category')}</TableCell>
              <TableCell>{t('stock.item')}</TableCell>
              <TableCell>{t('stock.spec')}</TableCell>
              <TableCell>{t('stock.baseUnit')}</TableCell>
              <TableCell>{t('stock.packs')}</TableCell>
              <TableCell>{t('stock.lowThreshold')}</TableCell>
              <TableCell>{t('stock.aliases')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(items.data ?? []).map((i) => (
              <TableRow key={i.id}>
                <TableCell>{t(`stockCategory.${i.category}`)}</TableCell>
                <TableCell>{i.name}</TableCell>
                <TableCell>{i.spec}</TableCell>
                <TableCell>{i.baseUnit}</TableCell>
                <TableCell>
                  {i.units.map((u) => `1${u.unit}=${u.factor}${i.baseUnit}`).join('、')}
                </TableCell>
                <TableCell>{i.lowThreshold}</TableCell>
                <TableCell>{i.aliases.join('、')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Dialog open={adding} onClose={() => setAdding(false)} maxWidth="sm" fullWidth>
        {adding && (
          <ItemForm
            onClose={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}

function ItemForm(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<StockCategory>('ppe');
  const [spec, setSpec] = useState('');
  const [baseUnit, setBaseUnit] = useState('');
  const [threshold, setThreshold] = useState('0');
  const [tracksLots, setTracksLots] = useState(false);
  const [packText, setPackText] = useState('');
  const [aliases, setAliases] = useState('');
  const submit = useSubmit();
  const f = submit.fields;
  return (
    <DialogForm
      title={t('stock.newItem')}
      submit={submit}
      save={() =>
        call('stock.createItem', {
          name,
          category,
          spec,
          baseUnit,
          lowThreshold: numberOrNaN(threshold),
          tracksLots,
          units: packs(packText),
          aliases: list(aliases),
        })
      }
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField
        label={t('stock.item')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={!!f.name}
        helperText={f.name}
      />
      <KindSelect
        label={t('stock.category')}
        value={category}
        options={STOCK_CATEGORIES}
        labelOf={(c) => t(`stockCategory.${c}`)}
        onChange={setCategory}
      />
      <TextField label={t('stock.spec')} value={spec} onChange={(e) => setSpec(e.target.value)} />
      <TextField
        label={t('stock.baseUnit')}
        value={baseUnit}
        onChange={(e) => setBaseUnit(e.target.value)}
        required
        error={!!f.baseUnit}
        helperText={f.baseUnit}
      />
      <TextField
        label={t('stock.packs')}
        value={packText}
        onChange={(e) => setPackText(e.target.value)}
        error={Object.keys(f).some((k) => k.startsWith('units'))}
        helperText={
          Object.entries(f).find(([k]) => k.startsWith('units'))?.[1] ?? t('stock.packsHint')
        }
      />
      <TextField
        label={t('stock.lowThreshold')}
        type="number"
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
      />
      <FormControlLabel
        control={
          <Checkbox checked={tracksLots} onChange={(e) => setTracksLots(e.target.checked)} />
        }
        label={t('stock.tracksLots')}
      />
      <TextField
        label={t('stock.aliases')}
        value={aliases}
        onChange={(e) => setAliases(e.target.value)}
        helperText={f.aliases ?? t('stock.aliasesHint')}
        error={!!f.aliases}
      />
    </DialogForm>
  );
}
