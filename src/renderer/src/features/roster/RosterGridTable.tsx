import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { RosterGrid, RosterSlot } from '@shared/roster';
import { formatWeekdayHead } from '@renderer/i18n/dates';
import { ruleText } from './ruleText';

/** Posts × shifts down, days across; each cell its people, coloured by gaps and rule findings. */
export function RosterGridTable(props: { grid: RosterGrid; onOpen: (slot: RosterSlot) => void }) {
  const { t, i18n } = useTranslation();
  const { grid } = props;
  const slotAt = new Map(grid.slots.map((s) => [`${s.postId}/${s.templateId}/${s.day}`, s]));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label={t('roster.tabGrid')}
        sx={{ '& td, & th': { border: 1, borderColor: 'divider' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('roster.post')}</TableCell>
            <TableCell>{t('roster.shift')}</TableCell>
            {grid.days.map((d) => (
              <TableCell key={d} align="center" sx={{ minWidth: 110 }}>
                {formatWeekdayHead(d, i18n.language)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {grid.posts.flatMap((post) =>
            grid.templates
              .filter((x) => post.templateIds.includes(x.id))
              .map((template, i, runs) => (
                <TableRow key={`${post.id}/${template.id}`}>
                  {i === 0 && (
                    <TableCell rowSpan={runs.length} sx={{ fontWeight: 600, verticalAlign: 'top' }}>
                      {post.name}
                    </TableCell>
                  )}
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {template.name} {template.start}
                  </TableCell>
                  {grid.days.map((day) => {
                    const slot = slotAt.get(`${post.id}/${template.id}/${day}`)!;
                    const hard = slot.assignments.some((a) => a.violations.some((v) => v.hard));
                    const soft = slot.assignments.some((a) => a.violations.some((v) => !v.hard));
                    const short = slot.assignments.length < slot.required;
                    const findings = slot.assignments.flatMap((a) =>
                      a.violations.map((v) => `${a.staffName}：${ruleText(t, v)}`),
                    );
                    return (
                      <TableCell
                        key={day}
                        data-testid={`slot-${post.name}-${template.name}-${day}`}
                        onClick={() => props.onOpen(slot)}
                        title={findings.join('\n') || undefined}
                        sx={{
                          cursor: 'pointer',
                          verticalAlign: 'top',
                          bgcolor: hard
                            ? '#fde7e9'
                            : short
                              ? '#fff4e5'
                              : soft
                                ? '#fffbe6'
                                : undefined,
                          outline: hard ? '2px solid #d32f2f' : undefined,
                          '&:hover': { filter: 'brightness(0.96)' },
                        }}
                      >
                        {slot.assignments.map((a) => (
                          <div key={a.id}>{a.staffName}</div>
                        ))}
                        <Box
                          component="span"
                          sx={{ fontSize: 12, color: short ? 'warning.dark' : 'text.secondary' }}
                        >
                          {slot.assignments.length}/{slot.required}
                        </Box>
                      </TableCell>
                    );
                  })}
                </TableRow>
              )),
          )}
        </TableBody>
      </Table>
    </Box>
  );
}
