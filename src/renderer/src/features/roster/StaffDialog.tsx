import Dialog from '@mui/material/Dialog';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '@shared/contract';
import { STAFF_ROLES, type Staff } from '@shared/roster';
import { call } from '@renderer/api/client';
import { DialogForm } from '@renderer/components/DialogForm';
import { useContractForm } from '@renderer/components/useContractForm';

/** Adds a staff member (or edits one): name, role, unit, mobile, skills, weekly maximum. */
export function StaffDialog(props: {
  open: boolean;
  /** The member to edit; their mobile is not shown (lists mask it) and stays unless retyped. */
  staff?: Staff | null;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {props.open && <StaffForm {...props} />}
    </Dialog>
  );
}

const createSchema = contract['staff.create'].input;
/**
 * The contract's create schema, skills typed as one line ("triage, ICU") and split before the
 * contract's own skills rule checks them. An empty mobile is allowed by it: on edit, it keeps the
 * number on file.
 */
const staffSchema = createSchema.extend({
  skills: z
    .string()
    .transform((line) =>
      line
        .split(/[,，、\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(createSchema.shape.skills.unwrap()),
});
type StaffFields = z.output<typeof staffSchema>;

function StaffForm(props: { staff?: Staff | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const editing = props.staff ?? null;
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const { form, submit, problem, text, number } = useContractForm(staffSchema, {
    fullName: editing?.fullName ?? '',
    role: editing?.role ?? 'nurse',
    unit: editing?.unit ?? '',
    phone: '',
    maxHoursWeek: editing?.maxHoursWeek ?? 48,
    skills: editing?.skills.join(', ') ?? '',
  });

  const save = async ({ phone, ...fields }: StaffFields) => {
    const ok = await submit.run(() =>
      editing
        ? call('staff.update', { id: editing.id, ...fields, ...(phone ? { phone } : {}) })
        : call('staff.create', { ...fields, phone }),
    );
    if (ok) props.onDone();
  };

  return (
    <DialogForm
      title={editing ? t('roster.editStaff') : t('roster.newStaff')}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField label={t('roster.staffName')} {...text('fullName')} required autoFocus />
      <Controller
        control={form.control}
        name="role"
        render={({ field }) => (
          <TextField
            select
            label={t('roster.role')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
          >
            {STAFF_ROLES.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`staffRole.${r}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      <TextField label={t('roster.unit')} {...text('unit')} />
      <TextField label={t('roster.phone')} placeholder={editing?.phoneMasked} {...text('phone')} />
      <TextField
        label={t('roster.skills')}
        {...text('skills')}
        helperText={problem('skills') ?? t('roster.skillsHint')}
      />
      <TextField label={t('roster.maxHours')} {...number('maxHoursWeek')} />
    </DialogForm>
  );
}
