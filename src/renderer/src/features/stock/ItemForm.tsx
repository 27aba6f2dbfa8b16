import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { STOCK_CATEGORIES } from '@shared/stock';
import { call } from '@renderer/api/client';
import { DialogForm } from '@renderer/components/DialogForm';
import { numberOrNaN } from '@renderer/components/numberInput';
import { ToggleField } from '@renderer/components/ToggleField';
import { useContractForm } from '@renderer/components/useContractForm';
import { KindSelect } from './KindSelect';

const list = (text: string): string[] =>
  text
    .split(/[,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "箱=50, 包=10" → packs; a malformed pack stays as written, so the contract names it. */
const packs = (text: string): { unit: string; factor: number }[] =>
  list(text).map((p) => {
    const [unit, factor] = p.split(/[=＝]/);
    return { unit: (unit ?? '').trim(), factor: numberOrNaN((factor ?? '').trim()) };
  });

const createSchema = contract['stock.createItem'].input;
/** The contract's create schema, packs and aliases typed as one line each and split first. */
const itemSchema = createSchema.extend({
  units: z.string().transform(packs).pipe(createSchema.shape.units.unwrap()),
  aliases: z.string().transform(list).pipe(createSchema.shape.aliases.unwrap()),
});
type ItemFields = z.output<typeof itemSchema>;

/** A new catalogue item: name, category, spec, base unit, packs, low threshold, lots, aliases. */
export function ItemForm(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const { form, submit, problem, text, number } = useContractForm(itemSchema, {
    name: '',
    category: 'ppe',
    spec: '',
    baseUnit: '',
    lowThreshold: 0,
    tracksLots: false,
    units: '',
    aliases: '',
  });
  const save = async (fields: ItemFields) => {
    if (await submit.run(() => call('stock.createItem', fields))) props.onDone();
  };
  return (
    <DialogForm
      title={t('stock.newItem')}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField label={t('stock.item')} {...text('name')} required />
      <Controller
        control={form.control}
        name="category"
        render={({ field }) => (
          <KindSelect
            label={t('stock.category')}
            value={field.value}
            options={STOCK_CATEGORIES}
            labelOf={(c) => t(`stockCategory.${c}`)}
            onChange={field.onChange}
          />
        )}
      />
      <TextField label={t('stock.spec')} {...text('spec')} />
      <TextField label={t('stock.baseUnit')} {...text('baseUnit')} required />
      <TextField
        label={t('stock.packs')}
        {...text('units')}
        helperText={problem('units') ?? t('stock.packsHint')}
      />
      <TextField label={t('stock.lowThreshold')} {...number('lowThreshold')} />
      <ToggleField
        control={form.control}
        name="tracksLots"
        label={t('stock.tracksLots')}
        as="checkbox"
      />
      <TextField
        label={t('stock.aliases')}
        {...text('aliases')}
        helperText={problem('aliases') ?? t('stock.aliasesHint')}
      />
    </DialogForm>
  );
}
