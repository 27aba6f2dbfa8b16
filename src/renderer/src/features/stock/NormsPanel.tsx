import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
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
import type { ItemNorms, NormLine } from '@shared/supply';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useCan } from '@renderer/auth/AuthContext';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { NormsForm } from './NormsForm';
import { normLineText } from './normText';

/**
 * Consumption norms per item, with a proposed default for an item that has none: nothing is
 * saved until someone opens it ("use the suggestion") and saves.
 */
export function NormsPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const canManage = useCan()('stock.manage');
  const norms = useApiQuery('supply.norms', { siteId });
  const posts = useApiQuery('posts.list', { siteId });
  const [editing, setEditing] = useState<{ item: ItemNorms; lines: NormLine[] } | null>(null);
  const words = (item: ItemNorms, lines: NormLine[]) =>
    lines.map((l) => normLineText(t, l, item.baseUnit, posts.data ?? [])).join(' + ');
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('supply.normsHint')}
      </Typography>
      {norms.error && <Alert severity="error">{errorText(t, norms.error)}</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('supply.tabNorms')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.item')}</TableCell>
              <TableCell>{t('stock.unit')}</TableCell>
              <TableCell>{t('supply.tabNorms')}</TableCell>
              {canManage && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {(norms.data ?? []).map((item) => (
              <TableRow key={item.itemId}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.name} {item.spec}
                </TableCell>
                <TableCell>{item.baseUnit}</TableCell>
                <TableCell>
                  {item.lines.length > 0 ? (
                    words(item, item.lines)
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t('supply.noNorm')}
                      {item.suggested.length > 0 &&
                        ` · ${t('supply.suggested', { lines: words(item, item.suggested) })}`}
                    </Typography>
                  )}
                </TableCell>
                {canManage && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {item.lines.length === 0 && item.suggested.length > 0 && (
                      <Button onClick={() => setEditing({ item, lines: item.suggested })}>
                        {t('supply.useSuggested')}
                      </Button>
                    )}
                    <Button onClick={() => setEditing({ item, lines: item.lines })}>
                      {t('supply.edit')}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} maxWidth="md" fullWidth>
        {editing && (
          <NormsForm
            siteId={siteId}
            item={editing.item}
            lines={editing.lines}
            posts={posts.data ?? []}
            onClose={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              notify(t('supply.saved'));
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}
