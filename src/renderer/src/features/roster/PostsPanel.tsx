import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Post, type ShiftTemplate, type StaffRole } from '@shared/roster';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { numberOrNaN } from '@renderer/components/numberInput';
import { DialogForm } from '@renderer/components/DialogForm';
import { useSubmit } from '@renderer/components/useSubmit';

const toggle = <T,>(list: T[], item: T, on: boolean): T[] =>
  on ? [...list, item] : list.filter((x) => x !== item);

/** Shift templates and the posts that run them. */
export function PostsPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const canManage = useCan()('roster.manage');
  const templates = useApiQuery('shifts.list', { siteId });
  const posts = useApiQuery('posts.list', { siteId });
  const [dialog, setDialog] = useState<'shift' | 'post' | null>(null);
  const [editing, setEditing] = useState<Post | null>(null);
  const nameOf = (id: number) => templates.data?.find((x) => x.id === id)?.name ?? '';

  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">{t('roster.shift')}</Typography>
          {canManage && (
            <Button startIcon={<AddIcon />} onClick={() => setDialog('shift')}>
              {t('roster.newShift')}
            </Button>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} aria-label={t('roster.shift')}>
          {(templates.data ?? []).map((x) => (
            <Chip
              key={x.id}
              color={x.night ? 'secondary' : 'default'}
              label={`${x.name} ${x.start} · ${t('roster.duration', { hours: x.durationMinutes / 60 })}`}
            />
          ))}
        </Stack>
      </Stack>
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">{t('roster.post')}</Typography>
          {canManage && (
            <Button
              startIcon={<AddIcon />}
              onClick={() => {
                setEditing(null);
                setDialog('post');
              }}
            >
              {t('roster.newPost')}
            </Button>
          )}
        </Stack>
        <Paper variant="outlined">
          <Table size="small" aria-label={t('roster.post')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('roster.post')}</TableCell>
                <TableCell>{t('roster.roles')}</TableCell>
                <TableCell>{t('roster.headCount')}</TableCell>
                <TableCell>{t('roster.shifts')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(posts.data ?? []).map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{p.roles.map((r) => t(`staffRole.${r}`)).join('、')}</TableCell>
                  <TableCell>{p.headCount}</TableCell>
                  <TableCell>{p.templateIds.map(nameOf).join('、')}</TableCell>
                  <TableCell align="right">
                    {canManage && (
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(p);
                          setDialog('post');
                        }}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Stack>
      <Dialog open={dialog === 'shift'} onClose={() => setDialog(null)} maxWidth="xs" fullWidth>
        {dialog === 'shift' && (
          <ShiftForm
            siteId={siteId}
            onClose={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
            }}
          />
        )}
      </Dialog>
      <Dialog open={dialog === 'post'} onClose={() => setDialog(null)} maxWidth="sm" fullWidth>
        {dialog === 'post' && (
          <PostForm
            siteId={siteId}
            post={editing}
            templates={templates.data ?? []}
            onClose={() => {
              setDialog(null);
              setEditing(null);
            }}
            onDone={() => {
              setDialog(null);
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}

function ShiftForm(props: { siteId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('16:00');
  const [nextDay, setNextDay] = useState(false);
  const submit = useSubmit();
  return (
    <DialogForm
      title={t('roster.newShift')}
      submit={submit}
      save={() => call('shifts.create', { siteId: props.siteId, name, start, end, nextDay })}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField
        label={t('roster.shiftName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <TextField
        label={t('roster.start')}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        error={!!submit.fields.start}
        helperText={submit.fields.start}
      />
      <TextField
        label={t('roster.end')}
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        error={!!submit.fields.end}
        helperText={submit.fields.end}
      />
      <FormControlLabel
        control={<Checkbox checked={nextDay} onChange={(e) => setNextDay(e.target.checked)} />}
        label={t('roster.nextDay')}
      />
    </DialogForm>
  );
}

function PostForm(props: {
  siteId: number;
  /** The post to edit; null for a new one. */
  post: Post | null;
  templates: ShiftTemplate[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.post?.name ?? '');
  const [roles, setRoles] = useState<StaffRole[]>(props.post?.roles ?? []);
  const [headCount, setHeadCount] = useState(String(props.post?.headCount ?? 1));
  const [templateIds, setTemplateIds] = useState<number[]>(props.post?.templateIds ?? []);
  const submit = useSubmit();
  return (
    <DialogForm
      title={props.post ? props.post.name : t('roster.newPost')}
      submit={submit}
      save={() => {
        const fields = { name, roles, headCount: numberOrNaN(headCount), templateIds };
        return props.post
          ? call('posts.update', {
              id: props.post.id,
              sortOrder: props.post.sortOrder,
              ...fields,
            })
          : call('posts.create', { siteId: props.siteId, ...fields });
      }}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField
        label={t('roster.post')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={!!submit.fields.name}
        helperText={submit.fields.name}
      />
      <FormLabel>{t('roster.roles')}</FormLabel>
      <FormGroup row>
        {STAFF_ROLES.map((r) => (
          <FormControlLabel
            key={r}
            control={
              <Checkbox
                checked={roles.includes(r)}
                onChange={(e) => setRoles(toggle(roles, r, e.target.checked))}
              />
            }
            label={t(`staffRole.${r}`)}
          />
        ))}
      </FormGroup>
      <TextField
        label={t('roster.headCount')}
        type="number"
        value={headCount}
        onChange={(e) => setHeadCount(e.target.value)}
      />
      <FormLabel>{t('roster.shifts')}</FormLabel>
      <FormGroup row>
        {props.templates.map((x) => (
          <FormControlLabel
            key={x.id}
            control={
              <Checkbox
                checked={templateIds.includes(x.id)}
                onChange={(e) => setTemplateIds(toggle(templateIds, x.id, e.target.checked))}
              />
            }
            label={`${x.name} ${x.start}`}
          />
        ))}
      </FormGroup>
    </DialogForm>
  );
}
