import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterGrid, RosterSlot } from '@shared/roster';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ConflictDialog } from '@renderer/components/ConflictDialog';
import { useSubmit } from '@renderer/components/useSubmit';
import { formatDay } from '@renderer/i18n/dates';
import { ruleText } from './ruleText';
import { useSlotWrite, withSlot, type SlotWrite } from './useSlotWrite';

/** One slot: who is on it (remove, or swap for a candidate) and who could be added. */
export function SlotDialog(props: {
  grid: RosterGrid;
  slot: RosterSlot | null;
  canManage: boolean;
  onClose: () => void;
  onChanged: (grid: RosterGrid) => void;
}) {
  const { slot } = props;
  return (
    <Dialog open={slot !== null} onClose={props.onClose} maxWidth="sm" fullWidth>
      {slot && <SlotBody {...props} slot={slot} />}
    </Dialog>
  );
}

function SlotBody(props: Parameters<typeof SlotDialog>[0] & { slot: RosterSlot }) {
  const { t } = useTranslation();
  const { grid, slot } = props;
  const post = grid.posts.find((p) => p.id === slot.postId)!;
  const template = grid.templates.find((x) => x.id === slot.templateId)!;
  const [reason, setReason] = useState('');
  const candidates = useApiQuery(
    'roster.candidates',
    { periodId: grid.period.id, postId: slot.postId, templateId: slot.templateId, day: slot.day },
    { skip: !props.canManage },
  );
  const submit = useSubmit();
  const published = grid.period.status === 'published';
  const reasonInput = published && reason.trim() ? { reason: reason.trim() } : {};
  const onSlot = new Set(slot.assignments.map((a) => a.staffId));
  const current = grid.slots.find(
    (s) => s.postId === slot.postId && s.templateId === slot.templateId && s.day === slot.day,
  )!;
  // Every write is based on the slot as this grid shows it; another desk's change since is a conflict.
  const slotWrite = useSlotWrite();
  const act = (write: SlotWrite) =>
    void submit.run(async () => props.onChanged(await slotWrite.run(write, current.version)));
  const names = (assignments: { staffName: string }[]) =>
    assignments.map((a) => a.staffName).join('、');
  const takeTheirs = () => {
    const theirs = slotWrite.takeTheirs();
    if (theirs) props.onChanged(withSlot(grid, theirs));
    submit.reset();
  };
  const keepMine = () =>
    void submit.run(async () => {
      const next = await slotWrite.keepMine();
      if (next) props.onChanged(next);
    });

  return (
    <>
      <DialogTitle>
        {t('roster.slotTitle', {
          post: post.name,
          shift: `${template.name} ${template.start}`,
          day: formatDay(slot.day),
        })}
      </DialogTitle>
      <DialogContent>
        <Typography variant="subtitle2">
          {t('roster.assigned', { count: current.assignments.length, required: current.required })}
        </Typography>
        <List
          dense
          aria-label={t('roster.assigned', {
            count: current.assignments.length,
            required: current.required,
          })}
        >
          {current.assignments.map((a) => (
            <ListItem
              key={a.id}
              secondaryAction={
                props.canManage && (
                  <Button
                    size="small"
                    color="warning"
                    onClick={() =>
                      act({
                        yours: names(current.assignments.filter((x) => x.id !== a.id)),
                        send: (expectedSlotVersion) =>
                          call('roster.unassign', {
                            assignmentId: a.id,
                            expectedSlotVersion,
                            ...reasonInput,
                          }),
                      })
                    }
                  >
                    {t('roster.remove')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={`${a.staffName} · ${t(`staffRole.${a.staffRole}`)}`}
                secondary={a.violations.map((v) => ruleText(t, v)).join('；') || null}
                slotProps={{
                  secondary: {
                    color: a.violations.some((v) => v.hard) ? 'error' : 'warning.main',
                  },
                }}
              />
            </ListItem>
          ))}
        </List>
        {props.canManage && published && (
          <TextField
            fullWidth
            label={t('roster.changeReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            sx={{ my: 1 }}
          />
        )}
        {props.canManage && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
              {t('roster.candidates')}
            </Typography>
            {candidates.data?.length === 0 && (
              <Typography color="text.secondary">{t('roster.noCandidates')}</Typography>
            )}
            <List dense aria-label={t('roster.candidates')}>
              {(candidates.data ?? [])
                .filter((c) => !onSlot.has(c.staffId))
                .map((c) => {
                  const blocked = c.violations.some((v) => v.hard);
                  return (
                    <ListItem
                      key={c.staffId}
                      secondaryAction={
                        <Button
                          size="small"
                          disabled={blocked || submit.busy}
                          onClick={() =>
                            act({
                              yours: names([...current.assignments, { staffName: c.fullName }]),
                              send: (expectedSlotVersion) =>
                                call('roster.assign', {
                                  periodId: grid.period.id,
                                  postId: slot.postId,
                                  templateId: slot.templateId,
                                  day: slot.day,
                                  staffId: c.staffId,
                                  expectedSlotVersion,
                                  ...reasonInput,
                                }),
                            })
                          }
                        >
                          {t('roster.add')}
                        </Button>
                      }
                    >
                      <ListItemText
                        primary={
                          <>
                            {c.fullName} · {t(`staffRole.${c.role}`)}{' '}
                            <Chip
                              size="small"
                              variant="outlined"
                              label={t('roster.hoursWeek', { hours: c.hoursThisWeek })}
                            />
                          </>
                        }
                        secondary={c.violations.map((v) => ruleText(t, v)).join('；') || null}
                        slotProps={{
                          secondary: { color: blocked ? 'error' : 'warning.main' },
                        }}
                      />
                    </ListItem>
                  );
                })}
            </List>
          </>
        )}
        {submit.message && <Alert severity="error">{submit.message}</Alert>}
        <ConflictDialog
          current={slotWrite.conflict?.current ?? null}
          rows={
            slotWrite.conflict
              ? [
                  {
                    label: t('roster.onShift'),
                    theirs: names(slotWrite.conflict.current.record.assignments),
                    yours: slotWrite.conflict.write.yours,
                  },
                ]
              : []
          }
          onUseTheirs={takeTheirs}
          onKeepMine={keepMine}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.close')}</Button>
      </DialogActions>
    </>
  );
}
