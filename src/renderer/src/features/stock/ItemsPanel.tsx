import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { ItemForm } from './ItemForm';

/** The catalogue: what the store keeps, in which units, under which names. */
export function ItemsPanel() {
  const { t } = useTranslation();
  const canManage = useCan()('stock.manage');
  const items = useApiQuery('stock.items', {});
  const [adding, setAdding] = useState(false);
  return (
    <Stack spacing={2}>
      {canManage && (
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('stock.newItem')}
        </Button>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('stock.tabItems')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.category')}</TableCell>
              <TableCell>{t('stock.item')}</TableCell>
              <TableCell>{t('stock.spec')}</TableCell>
              <TableCell>{t('stock.baseUnit')}</TableCell>
              <TableCell>{t('stock.packs')}</TableCell>
              <TableCell>{t('stock.lowThreshold')}</TableCell>
              <TableCell>{t('stock.aliases')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(items.data ?? []).map((i) => (
              <TableRow key={i.id}>
                <TableCell>{t(`stockCategory.${i.category}`)}</TableCell>
                <TableCell>{i.name}</TableCell>
                <TableCell>{i.spec}</TableCell>
                <TableCell>{i.baseUnit}</TableCell>
                <TableCell>
                  {i.units.map((u) => `1${u.unit}=${u.factor}${i.baseUnit}`).join('、')}
                </TableCell>
                <TableCell>{i.lowThreshold}</TableCell>
                <TableCell>{i.aliases.join('、')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Dialog open={adding} onClose={() => setAdding(false)} maxWidth="sm" fullWidth>
        {adding && (
          <ItemForm
            onClose={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}
