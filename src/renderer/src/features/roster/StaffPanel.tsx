import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@shared/roster';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { StaffDialog } from './StaffDialog';
import { StaffImportDialog } from './StaffImportDialog';
import { UnavailabilityDialog } from './UnavailabilityDialog';

/** The staff registry: who can be rostered, and when they cannot. */
export function StaffPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const canManage = useCan()('roster.manage');
  const staff = useApiQuery('staff.list', { includeInactive: true });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [away, setAway] = useState<Staff | null>(null);

  return (
    <Stack spacing={2}>
      {canManage && (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            {t('roster.newStaff')}
          </Button>
          <Button startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
            {t('staffImport.open')}
          </Button>
        </Stack>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('roster.tabStaff')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('roster.staffName')}</TableCell>
              <TableCell>{t('roster.role')}</TableCell>
              <TableCell>{t('roster.unit')}</TableCell>
              <TableCell>{t('roster.phone')}</TableCell>
              <TableCell>{t('roster.skills')}</TableCell>
              <TableCell>{t('roster.maxHours')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(staff.data ?? []).map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  {s.fullName} {!s.active && <Chip size="small" label={t('roster.inactive')} />}
                </TableCell>
                <TableCell>{t(`staffRole.${s.role}`)}</TableCell>
                <TableCell>{s.unit}</TableCell>
                <TableCell>{s.phoneMasked}</TableCell>
                <TableCell>{s.skills.join('、')}</TableCell>
                <TableCell>{s.maxHoursWeek}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {canManage && (
                    <>
                      <Button size="small" onClick={() => setEditing(s)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" onClick={() => setAway(s)}>
                        {t('roster.unavailability')}
                      </Button>
                      <Button
                        size="small"
                        color={s.active ? 'warning' : 'primary'}
                        onClick={() =>
                          call('staff.setActive', { id: s.id, active: !s.active }).catch(
                            (e: unknown) => notify(errorText(t, e), 'error'),
                          )
                        }
                      >
                        {s.active ? t('roster.deactivate') : t('roster.activate')}
                      </Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <StaffDialog
        open={adding || editing !== null}
        staff={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onDone={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
      <StaffImportDialog open={importing} onClose={() => setImporting(false)} />
      <UnavailabilityDialog staff={away} onClose={() => setAway(null)} />
    </Stack>
  );
}
