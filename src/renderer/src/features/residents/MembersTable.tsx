import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BatchMember } from '@shared/people';
import { formatDay } from '@renderer/i18n/dates';
import { CheckInWarnings } from './CheckInWarnings';
import { ageText } from '@renderer/i18n/ageText';

export function MembersTable({ members }: { members: BatchMember[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1, fontWeight: 600 }}>
        {t('arrivals.members')}
      </Typography>
      {members.length === 0 ? (
        <Typography color="text.secondary">{t('arrivals.noMembers')}</Typography>
      ) : (
        <>
          <CheckInWarnings
            people={members.flatMap((m) =>
              m.checkInWarning
                ? [{ key: m.stayId, who: m.fullName, warning: m.checkInWarning }]
                : [],
            )}
          />
          {/* Eleven columns: on a narrow screen the table scrolls, not the page. */}
          <TableContainer>
            <Table size="small" aria-label={t('arrivals.members')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('people.fullName')}</TableCell>
                  <TableCell>{t('people.gender')}</TableCell>
                  <TableCell>{t('people.age')}</TableCell>
                  <TableCell>{t('people.documentNumber')}</TableCell>
                  <TableCell>{t('people.phone')}</TableCell>
                  <TableCell>{t('people.category')}</TableCell>
                  <TableCell>{t('people.household')}</TableCell>
                  <TableCell>{t('person.lastExposure')}</TableCell>
                  <TableCell>{t('people.vulnerable')}</TableCell>
                  <TableCell>{t('rooms.statusCol')}</TableCell>
                  <TableCell>{t('common.room')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {members.map((m) => (
                  <TableRow key={m.stayId}>
                    <TableCell>{m.fullName}</TableCell>
                    <TableCell>{t(`gender.${m.gender}`)}</TableCell>
                    <TableCell>{ageText(t, m.age)}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{m.documentMasked}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{m.phoneMasked}</TableCell>
                    <TableCell>{t(`category.${m.category}`)}</TableCell>
                    <TableCell>{m.household ?? ''}</TableCell>
                    <TableCell sx={{ color: m.checkInWarning ? 'warning.dark' : undefined }}>
                      {m.lastExposureDate ? formatDay(m.lastExposureDate) : ''}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" sx={{ gap: 0.5 }}>
                        {m.vulnerable.map((f) => (
                          <Chip
                            key={f}
                            size="small"
                            color="warning"
                            variant="outlined"
                            label={t(`vulnerable.${f}`)}
                          />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell>{t(`stayStatus.${m.status}`)}</TableCell>
                    <TableCell>{m.roomNumber ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </>
  );
}
