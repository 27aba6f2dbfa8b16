import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
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
import type { UserSummary } from '@shared/accounts';
import { ROLES, type Role } from '@shared/permissions';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { FormDialog } from '@renderer/components/FormDialog';
import { useSubmit } from '@renderer/components/useSubmit';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { formatDateTime } from '@renderer/i18n/dates';

export function UsersPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const users = useApiQuery('users.list', {});
  const [editing, setEditing] = useState<UserSummary | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [disabling, setDisabling] = useState<UserSummary | null>(null);

  const setDisabled = async (user: UserSummary, disabled: boolean) => {
    try {
      await call('users.setDisabled', { id: user.id, disabled });
      notify(t('common.saved'));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ mb: 1, justifyContent: 'flex-end' }}>
        <Button startIcon={<AddIcon />} variant="contained" onClick={() => setEditing('new')}>
          {t('admin.addUser')}
        </Button>
      </Stack>
      {users.error && <Alert severity="error">{errorText(t, users.error)}</Alert>}
      <Table size="small" aria-label={t('admin.tabUsers')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('auth.username')}</TableCell>
            <TableCell>{t('setup.displayName')}</TableCell>
            <TableCell>{t('admin.roles')}</TableCell>
            <TableCell>{t('admin.status')}</TableCell>
            <TableCell>{t('admin.lastLogin')}</TableCell>
            <TableCell align="right">{t('common.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.data?.map((u) => (
            <TableRow key={u.id} sx={{ opacity: u.disabled ? 0.55 : 1 }}>
              <TableCell>{u.username}</TableCell>
              <TableCell>{u.displayName}</TableCell>
              <TableCell>
                <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                  {u.roles.map((r) => (
                    <Chip key={r} size="small" label={t(`roles.${r}`)} />
                  ))}
                </Stack>
              </TableCell>
              <TableCell>{u.disabled ? t('admin.disabled') : t('admin.active')}</TableCell>
              <TableCell>
                {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('admin.never')}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t('admin.resetPassword')}
                </Button>
                {u.disabled ? (
                  <Button size="small" onClick={() => void setDisabled(u, false)}>
                    {t('admin.enable')}
                  </Button>
                ) : (
                  <Button size="small" color="error" onClick={() => setDisabling(u)}>
                    {t('admin.disable')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} maxWidth="sm" fullWidth>
        {editing !== null && (
          <UserForm
            user={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notify(t('common.saved'));
            }}
          />
        )}
      </Dialog>
      <FormDialog
        open={resetting !== null}
        title={`${t('admin.resetPassword')} · ${resetting?.username ?? ''}`}
        fields={[
          {
            name: 'password',
            label: t('auth.newPassword'),
            initial: '',
            type: 'password',
            required: true,
          },
        ]}
        onSubmit={(v) =>
          call('users.resetPassword', { id: resetting!.id, password: v.password ?? '' })
        }
        onDone={() => {
          setResetting(null);
          notify(t('auth.passwordChanged'));
        }}
        onClose={() => setResetting(null)}
      />
      <ConfirmDialog
        open={disabling !== null}
        danger
        text={t('admin.disableConfirm', { name: disabling?.displayName ?? '' })}
        confirmLabel={t('admin.disable')}
        onConfirm={() => disabling && void setDisabled(disabling, true)}
        onClose={() => setDisabling(null)}
      />
    </Paper>
  );
}

function UserForm({
  user,
  onClose,
  onSaved,
}: {
  user: UserSummary | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['viewer']);
  const submit = useSubmit();
  const save = async () => {
    const ok = await submit.run(() =>
      user
        ? call('users.update', { id: user.id, displayName, roles })
        : call('users.create', { username, displayName, password, roles }),
    );
    if (ok) onSaved();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <DialogTitle>
        {user ? `${t('admin.editUser')} · ${user.username}` : t('admin.addUser')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={t('auth.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={user !== null}
            error={!!submit.fields.username}
            helperText={submit.fields.username}
            required
            autoFocus={user === null}
          />
          <TextField
            label={t('setup.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={!!submit.fields.displayName}
            helperText={submit.fields.displayName}
            required
          />
          {user === null && (
            <TextField
              label={t('auth.password')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={!!submit.fields.password}
              helperText={submit.fields.password ?? t('auth.passwordHint')}
              autoComplete="new-password"
              required
            />
          )}
          <div>
            <Typography variant="body2" color="text.secondary">
              {t('admin.roles')}
            </Typography>
            <FormGroup row>
              {ROLES.map((r) => (
                <FormControlLabel
                  key={r}
                  label={t(`roles.${r}`)}
                  control={
                    <Checkbox
                      checked={roles.includes(r)}
                      onChange={(e) =>
                        setRoles((cur) =>
                          e.target.checked ? [...cur, r] : cur.filter((x) => x !== r),
                        )
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
            {submit.fields.roles && <FormHelperText error>{submit.fields.roles}</FormHelperText>}
          </div>
          {submit.message && <Alert severity="error">{submit.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={submit.busy}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
