import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/backups';
import { formatDateTime } from '@renderer/i18n/dates';
import { formatSize, kindLabel } from './backupFormat';

/** Backups, newest first, each with its Restore button: the admin panel's and the recovery screen's. */
export function BackupTable<B extends BackupInfo>(props: {
  label: string;
  backups: readonly B[];
  rowKey: (backup: B) => string;
  /** An extra column (the recovery screen's check result). */
  status?: { header: string; cell: (backup: B) => string };
  canRestore: (backup: B) => boolean;
  onRestore: (backup: B) => void;
}) {
  const { t } = useTranslation();
  const columns = props.status ? 5 : 4;
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('backups.takenAt')}</TableCell>
          <TableCell>{t('backups.kind')}</TableCell>
          <TableCell align="right">{t('backups.size')}</TableCell>
          {props.status && <TableCell>{props.status.header}</TableCell>}
          <TableCell align="right">{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.backups.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns}>{t('backups.none')}</TableCell>
          </TableRow>
        )}
        {props.backups.map((b) => (
          <TableRow key={props.rowKey(b)} data-testid="backup-row">
            <TableCell title={b.name}>{formatDateTime(b.takenAt)}</TableCell>
            <TableCell>
              {kindLabel(t, b.kind)}
              {b.encrypted ? ` · ${t('backups.encryptedShort')}` : ''}
            </TableCell>
            <TableCell align="right">{formatSize(b.sizeBytes)}</TableCell>
            {props.status && <TableCell>{props.status.cell(b)}</TableCell>}
            <TableCell align="right">
              <Button
                size="small"
                color="error"
                disabled={!props.canRestore(b)}
                onClick={() => props.onRestore(b)}
              >
                {t('backups.restore')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
