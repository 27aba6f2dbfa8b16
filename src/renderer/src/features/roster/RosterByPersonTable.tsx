import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { RosterAssignment, RosterGrid } from '@shared/roster';
import { ruleText } from './ruleText';

/** Everyone on this roster, one row each, with their shifts day by day and hours in the period. */
export function personRows(
  grid: RosterGrid,
): { staffId: number; name: string; shifts: RosterAssignment[] }[] {
  const byStaff = new Map<number, { staffId: number; name: string; shifts: RosterAssignment[] }>();
  for (const a of grid.slots.flatMap((s) => s.assignments)) {
    const row = byStaff.get(a.staffId) ?? { staffId: a.staffId, name: a.staffName, shifts: [] };
    row.shifts.push(a);
    byStaff.set(a.staffId, row);
  }
  for (const row of byStaff.values())
    row.shifts.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return [...byStaff.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.staffId - b.staffId,
  );
}

export const hoursOf = (shifts: RosterAssignment[]): number =>
  Math.round(
    shifts.reduce((h, a) => h + (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 3_600_000, 0) *
      10,
  ) / 10;

export function RosterByPersonTable(props: {
  grid: RosterGrid;
  onPrint: (staffId: number) => void;
}) {
  const { t } = useTranslation();
  const { grid } = props;
  const post = new Map(grid.posts.map((p) => [p.id, p.name]));
  const template = new Map(grid.templates.map((x) => [x.id, x.name]));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label={t('roster.byPerson')}
        sx={{ '& td, & th': { border: 1, borderColor: 'divider' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('roster.staffName')}</TableCell>
            <TableCell>{t('roster.hours')}</TableCell>
            {grid.days.map((d) => (
              <TableCell key={d} align="center">
                {d.slice(5)}
              </TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {personRows(grid).map((row) => (
            <TableRow key={row.staffId}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.name}</TableCell>
              <TableCell>{hoursOf(row.shifts)}</TableCell>
              {grid.days.map((d) => {
                const today = row.shifts.filter((a) => a.day === d);
                const findings = today.flatMap((a) => a.violations.map((v) => ruleText(t, v)));
                return (
                  <TableCell
                    key={d}
                    title={findings.join('\n') || undefined}
                    sx={{
                      fontSize: 12,
                      bgcolor: today.some((a) => a.violations.some((v) => v.hard))
                        ? '#fde7e9'
                        : findings.length > 0
                          ? '#fffbe6'
                          : undefined,
                    }}
                  >
                    {today
                      .map((a) => `${post.get(a.postId)}·${template.get(a.templateId)}`)
                      .join(' ')}
                  </TableCell>
                );
              })}
              <TableCell>
                <Button size="small" onClick={() => props.onPrint(row.staffId)}>
                  {t('roster.printPersonal')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
