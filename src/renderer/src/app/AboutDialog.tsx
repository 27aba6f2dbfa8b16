import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { InfoDialog } from './InfoDialog';
import { LICENCE } from '@shared/licence';
import type { AppInfo } from '@shared/domain';

/** 帮助 → 关于: what is running, on what, with which data, under which licence. */
export function AboutDialog(props: { info: AppInfo; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { info } = props;
  const rows: [string, string | undefined][] = [
    [t('desk.version'), info.version],
    [t('desk.schemaVersion'), String(info.schemaVersion)],
    [t('desk.shell'), t(info.shell === 'electron' ? 'desk.shellElectron' : 'desk.shellBrowser')],
    [t('desk.electron'), info.runtime?.electron],
    [t('desk.chromium'), info.runtime?.chrome],
    [t('desk.node'), info.runtime?.node],
    [t('desk.dataFolder'), info.dataDir],
    [t('desk.licence'), LICENCE],
  ];
  return (
    <InfoDialog title={t('desk.aboutTitle')} open={props.open} onClose={props.onClose}>
      <Table size="small">
        <TableBody>
          {rows
            .filter((row): row is [string, string] => row[1] !== undefined)
            .map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {label}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{value}</TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </InfoDialog>
  );
}
