import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '@shared/roster';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { PostForm } from './PostForm';
import { ShiftForm } from './ShiftForm';

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
