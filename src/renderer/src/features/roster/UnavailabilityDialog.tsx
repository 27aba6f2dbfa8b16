import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@shared/roster';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useSubmit } from '@renderer/components/useSubmit';
import { formatDateTime } from '@renderer/i18n/dates';
import { DateInput } from '@renderer/components/dates/DateInput';

/** A staff member's leave, days off and quarantine: listed, added, removed. */
export function UnavailabilityDialog(props: { staff: Staff | null; onClose: () => void }) {
  return (
    <Dialog open={props.staff !== null} onClose={props.onClose} maxWidth="sm" fullWidth>
      {props.staff && <Body staff={props.staff} onClose={props.onClose} />}
    </Dialog>
  );
}

function Body({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useApiQuery('staff.unavailability', { staffId: staff.id });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  return (
    <>
      <DialogTitle>
        {t('roster.unavailability')} · {staff.fullName}
      </DialogTitle>
      <DialogContent>
        <List dense aria-label={t('roster.unavailability')}>
          {(list.data ?? []).map((u) => (
            <ListItem
              key={u.id}
              secondaryAction={
                <IconButton
                  edge="end"
                  aria-label={t('common.delete')}
                  onClick={() =>
                    void submit.run(() => call('staff.removeUnavailability', { id: u.id }))
                  }
                >
                  <DeleteIcon />
                </IconButton>
              }
            >
              <ListItemText
                primary={`${formatDateTime(u.startsAt)} – ${formatDateTime(u.endsAt)}`}
                secondary={u.reason}
              />
            </ListItem>
          ))}
        </List>
        <Stack
          component="form"
          spacing={2}
          onSubmit={(e) => {
            e.preventDefault();
            void submit
              .run(() =>
                call('staff.addUnavailability', {
                  staffId: staff.id,
                  startsAt: from,
                  endsAt: to,
                  reason,
                }),
              )
              .then((ok) => {
                if (!ok) return;
                setFrom('');
                setTo('');
                setReason('');
              });
          }}
        >
          <DateInput
            withTime
            label={t('roster.from')}
            value={from}
            onChange={setFrom}
            error={!!submit.fields.startsAt}
            helperText={submit.fields.startsAt}
          />
          <DateInput
            withTime
            label={t('roster.to')}
            value={to}
            onChange={setTo}
            error={!!submit.fields.endsAt}
            helperText={submit.fields.endsAt}
          />
          <TextField
            label={t('roster.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={!!submit.fields.reason}
            helperText={submit.fields.reason}
          />
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
          <Button
            type="submit"
            variant="contained"
            disabled={submit.busy}
            sx={{ alignSelf: 'flex-start' }}
          >
            {t('roster.addUnavailability')}
          </Button>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </>
  );
}
