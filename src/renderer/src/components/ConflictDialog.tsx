import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ConflictCurrent } from '@shared/errors';
import { formatClock } from '@renderer/i18n/dates';

/** One field of the record in words: their saved value beside what was typed here. */
export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/**
 * Shown when a save was refused because another desk saved the same record first: who and when,
 * their values beside yours (differences marked), and the two ways on. Nothing was overwritten.
 */
export function ConflictDialog(props: {
  current: ConflictCurrent | null;
  rows: ConflictRow[];
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const { current } = props;
  return (
    <Dialog open={current !== null} maxWidth="sm" fullWidth aria-labelledby="conflict-title">
      {current && (
        <>
          <DialogTitle id="conflict-title">{t('conflict.title')}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('conflict.changedBy', {
                by: current.by ?? t('conflict.someone'),
                time: current.at ? formatClock(current.at) : '—',
              })}
            </Alert>
            <Table size="small" aria-label={t('conflict.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('conflict.field')}</TableCell>
                  <TableCell>{t('conflict.theirs')}</TableCell>
                  <TableCell>{t('conflict.yours')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {props.rows.map((row) => {
                  const differs = row.theirs !== row.yours;
                  return (
                    <TableRow key={row.label} selected={differs}>
                      <TableCell component="th" scope="row">
                        {row.label}
                      </TableCell>
                      <TableCell sx={{ fontWeight: differs ? 600 : undefined }}>
                        {row.theirs || '—'}
                      </TableCell>
                      <TableCell sx={{ fontWeight: differs ? 600 : undefined }}>
                        {row.yours || '—'}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {t('conflict.explain')}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onUseTheirs}>{t('conflict.useTheirs')}</Button>
            <Button variant="contained" onClick={props.onKeepMine}>
              {t('conflict.keepMine')}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
