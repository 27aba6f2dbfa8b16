import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/roster';
import { call } from '../../api/client';
import { numberOrNaN } from '../../components/numberInput';
import { useSubmit } from '../../components/useSubmit';

/** Adds a staff member: name, role, unit, mobile, weekly maximum. */
export function StaffDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {props.open && <StaffForm {...props} />}
    </Dialog>
  );
}

function StaffForm(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<StaffRole>('nurse');
  const [unit, setUnit] = useState('');
  const [phone, setPhone] = useState('');
  const [maxHours, setMaxHours] = useState('48');
  const [skills, setSkills] = useState('');
  const submit = useSubmit();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit
          .run(() =>
            call('staff.create', {
              fullName,
              role,
              unit,
              phone,
              maxHoursWeek: numberOrNaN(maxHours),
              skills: skills
                .split(/[,，、\s]+/)
                .map((x) => x.trim())
                .filter(Boolean),
            }),
          )
          .then((ok) => ok && props.onDone());
      }}
    >
      <DialogTitle>{t('roster.newStaff')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
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
          <TextField
            label={t('roster.unit')}
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
          />
          <TextField
            label={t('roster.phone')}
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
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
