import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, get, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { STAFF_ROLES, type Post, type StaffRole } from '@shared/roster';
import { NORM_BASES, type ItemNorms, type NormBasis, type NormLine } from '@shared/supply';
import { call } from '@renderer/api/client';
import { DialogForm } from '@renderer/components/DialogForm';
import { fieldProblem, numberField } from '@renderer/components/contractForm';
import { useContractForm } from '@renderer/components/useContractForm';
import { scopeOf } from './normText';

const setNorms = contract['supply.setNorms'].input;

/** A line as typed: its limit is one choice (every shift, a post, a role), split before checking. */
const typedLine = z
  .object({ basis: z.enum(NORM_BASES), quantity: z.number(), scope: z.string() })
  .transform(({ scope, ...line }): NormLine => {
    const [kind, value = ''] = scope.split(':');
    if (kind === 'post') return { ...line, postId: Number(value) };
    if (kind === 'role') return { ...line, role: value as StaffRole };
    return line;
  });
/** The contract's schema, each line's limit typed as one choice. */
const normsSchema = setNorms.extend({
  lines: z.array(typedLine).pipe(setNorms.shape.lines),
});

interface TypedLine {
  basis: NormBasis;
  quantity: number;
  scope: string;
}

/** An item's norm lines: what each counts, how much, and for a shift line, which shifts. */
export function NormsForm(props: {
  siteId: number;
  item: ItemNorms;
  /** The lines to start from: the saved ones, or the suggestion being accepted. */
  lines: readonly NormLine[];
  posts: readonly Post[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { form, submit } = useContractForm(normsSchema, {
    siteId: props.siteId,
    itemId: props.item.itemId,
    lines: props.lines.map((l) => ({ basis: l.basis, quantity: l.quantity, scope: scopeOf(l) })),
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const bases = useWatch({ control: form.control, name: 'lines' }) as TypedLine[] | undefined;
  const problem = (i: number, field: string): string | undefined =>
    fieldProblem(
      t,
      get(form.formState.errors, `lines.${i}.${field}`),
      submit.fields[`lines.${i}.${field}`],
    );
  // A limit refused by main or the schema names postId or role; both are the one scope choice.
  const scopeProblem = (i: number) =>
    problem(i, 'scope') ?? problem(i, 'postId') ?? problem(i, 'role');
  const label = (i: number, field: string) => t('supply.lineLabel', { n: i + 1, field });
  const save = async (input: z.output<typeof normsSchema>) => {
    if (await submit.run(() => call('supply.setNorms', input))) props.onDone();
  };
  return (
    <DialogForm
      title={t('supply.editTitle', { item: `${props.item.name} ${props.item.spec}`.trim() })}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      {lines.fields.map((field, i) => (
        <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Controller
            control={form.control}
            name={`lines.${i}.basis`}
            render={({ field: f }) => (
              <TextField
                select
                label={label(i, t('supply.basisField'))}
                value={f.value}
                onChange={(e) => {
                  f.onChange(e.target.value);
                  if (e.target.value !== 'staff_shift') form.setValue(`lines.${i}.scope`, '');
                }}
                error={!!problem(i, 'basis')}
                helperText={problem(i, 'basis')}
                sx={{ minWidth: 190 }}
              >
                {NORM_BASES.map((b) => (
                  <MenuItem key={b} value={b}>
                    {t(`supply.basis.${b}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
          <TextField
            label={label(i, t('supply.quantity', { unit: props.item.baseUnit }))}
            {...numberField(form.register, `lines.${i}.quantity`)}
            slotProps={{ htmlInput: { step: 'any' } }}
            error={!!problem(i, 'quantity')}
            helperText={problem(i, 'quantity')}
            sx={{ width: 130 }}
          />
          {bases?.[i]?.basis === 'staff_shift' && (
            <Controller
              control={form.control}
              name={`lines.${i}.scope`}
              render={({ field: f }) => (
                <TextField
                  select
                  label={label(i, t('supply.scope'))}
                  value={f.value}
                  onChange={f.onChange}
                  // '' is a choice (every shift): shown by its name, not as an empty field.
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                  error={!!scopeProblem(i)}
                  helperText={scopeProblem(i)}
                  sx={{ minWidth: 160 }}
                >
                  <MenuItem value="">{t('supply.scopeAll')}</MenuItem>
                  {props.posts.map((p) => (
                    <MenuItem key={p.id} value={`post:${p.id}`}>
                      {t('supply.scopePost', { post: p.name })}
                    </MenuItem>
                  ))}
                  {STAFF_ROLES.map((r) => (
                    <MenuItem key={r} value={`role:${r}`}>
                      {t('supply.scopeRole', { role: t(`staffRole.${r}`) })}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
          )}
          <IconButton
            aria-label={t('supply.removeLine', { n: i + 1 })}
            onClick={() => lines.remove(i)}
          >
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Button
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => lines.append({ basis: 'resident_day', quantity: 1, scope: '' })}
      >
        {t('supply.addLine')}
      </Button>
    </DialogForm>
  );
}
