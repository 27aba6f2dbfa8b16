import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import { call } from '@renderer/api/client';
import { DialogForm } from '@renderer/components/DialogForm';
import { useContractForm } from '@renderer/components/useContractForm';

/** The fields a new shift template takes, checked by the contract's create schema less its site. */
const shiftSchema = contract['shifts.create'].input.omit({ siteId: true });
type ShiftFields = z.output<typeof shiftSchema>;

/** A new shift template: name, start and end (HH:MM), and whether it ends the next day. */
export function ShiftForm(props: { siteId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  // Checked by the contract's own schema before the round trip; a shift of no length is main's.
  const { form, submit, text } = useContractForm(shiftSchema, {
    name: '',
    start: '08:00',
    end: '16:00',
    nextDay: false,
  });
  const save = async (fields: ShiftFields) => {
    if (await submit.run(() => call('shifts.create', { siteId: props.siteId, ...fields })))
      props.onDone();
  };
  return (
    <DialogForm
      title={t('roster.newShift')}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField label={t('roster.shiftName')} {...text('name')} required autoFocus />
      <TextField label={t('roster.start')} {...text('start')} />
      <TextField label={t('roster.end')} {...text('end')} />
      <Controller
        control={form.control}
        name="nextDay"
        render={({ field }) => (
          <FormControlLabel
            control={
              <Checkbox
                checked={field.value ?? false}
                onChange={(e) => field.onChange(e.target.checked)}
                onBlur={field.onBlur}
              />
            }
            label={t('roster.nextDay')}
          />
        )}
      />
    </DialogForm>
  );
}
