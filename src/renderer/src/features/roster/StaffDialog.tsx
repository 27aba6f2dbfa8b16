import Dialog from '@mui/material/Dialog';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Staff, type StaffRole } from '@shared/roster';
import { call } from '@renderer/api/client';
import { numberOrNaN } from '@renderer/components/numberInput';
import { DialogForm } from '@renderer/components/DialogForm';
import { useSubmit } from '@renderer/components/useSubmit';

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

function StaffForm(props: { staff?: Staff | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const editing = props.staff ?? null;
  const [fullName, setFullName] = useState(editing?.fullName ?? '');
  const [role, setRole] = useState<StaffRole>(editing?.role ?? 'nurse');
  const [unit, setUnit] = useState(editing?.unit ?? '');
  const [phone, setPhone] = useState('');
  const [maxHours, setMaxHours] = useState(String(editing?.maxHoursWeek ?? 48));
  const [skills, setSkills] = useState(editing?.skills.join(', ') ?? '');
  const submit = useSubmit();
  return (
    <DialogForm
      title={editing ? t('roster.editStaff') : t('roster.newStaff')}
      submit={submit}
      save={() => {
        const fields = {
          fullName,
          role,
          unit,
          maxHoursWeek: numberOrNaN(maxHours),
          skills: skills
            .split(/[,，、\s]+/)
            .map((x) => x.trim())
            .filter(Boolean),
        };
        return editing
          ? call('staff.update', {
              id: editing.id,
              ...fields,
              ...(phone.trim() ? { phone } : {}),
            })
          : call('staff.create', { ...fields, phone });
      }}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField
        label={t('roster.staffName')}
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={!!submit.fields.fullName}
        helperText={submit.fields.fullName}
        required
        autoFocus
      />
      <TextField
        select
        label={t('roster.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as StaffRole)}
      >
        {STAFF_ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`staffRole.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField label={t('roster.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} />
      <TextField
        label={t('roster.phone')}
        placeholder={editing?.phoneMasked}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={!!submit.fields.phone}
        helperText={submit.fields.phone}
      />
      <TextField
        label={t('roster.skills')}
        value={skills}
        onChange={(e) => setSkills(e.target.value)}
        helperText={t('roster.skillsHint')}
      />
      <TextField
        label={t('roster.maxHours')}
        type="number"
        value={maxHours}
        onChange={(e) => setMaxHours(e.target.value)}
        error={!!submit.fields.maxHoursWeek}
        helperText={submit.fields.maxHoursWeek}
      />
    </DialogForm>
  );
}
