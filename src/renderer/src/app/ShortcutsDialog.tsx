import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { InfoDialog } from './InfoDialog';
import { SHORTCUT_LIST } from './shortcuts';

/** 帮助 → 快捷键: every key the desk answers, and what it does. */
export function ShortcutsDialog(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <InfoDialog title={t('desk.shortcuts')} open={props.open} onClose={props.onClose}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('desk.keysColumn')}</TableCell>
            <TableCell>{t('desk.actionColumn')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {SHORTCUT_LIST.map((shortcut) => (
            <TableRow key={shortcut.does}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <kbd>{shortcut.keys}</kbd>
              </TableCell>
              <TableCell>{t(`desk.keys.${shortcut.does}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoDialog>
  );
}
