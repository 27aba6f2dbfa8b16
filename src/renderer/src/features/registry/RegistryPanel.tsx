import type { TFunction } from 'i18next';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import type { Building, Floor, Site } from '@shared/domain';
import { roomLabel } from '@shared/roomLabel';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ConfirmDialog } from '@renderer/components/ConfirmDialog';
import { errorText } from '@renderer/i18n/errorText';
import { useNotify } from '@renderer/notify';
import { RoomFormDialog } from '@renderer/features/registry/RoomFormDialog';
import { RegistryFormDialog, type RegistryEditing } from './RegistryFormDialog';

type Retiring =
  | { kind: 'site'; site: Site }
  | { kind: 'building'; building: Building }
  | { kind: 'floor'; floor: Floor };

/** The site's buildings and floors: create, rename, retire; rooms are added per floor or in bulk. */
export function RegistryPanel(props: {
  siteId: number;
  buildings: Building[];
  onBulkCreate: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const site = useApiQuery('sites.list', { includeRetired: false });
  const current = site.data?.find((s) => s.id === props.siteId);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = props.buildings.find((b) => b.id === selectedId) ?? props.buildings[0];
  const floors = useApiQuery(
    'floors.list',
    { buildingId: selected?.id ?? 1, includeRetired: false },
    { skip: !selected },
  );
  const [editing, setEditing] = useState<RegistryEditing | null>(null);
  const [retiring, setRetiring] = useState<Retiring | null>(null);
  const [newRoomFloor, setNewRoomFloor] = useState<Floor | null>(null);

  const retire = async (target: Retiring) => {
    try {
      if (target.kind === 'site') await call('sites.retire', { id: target.site.id });
      if (target.kind === 'building') await call('buildings.retire', { id: target.building.id });
      if (target.kind === 'floor') await call('floors.retire', { id: target.floor.id });
      notify(t('common.saved'));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <Stack spacing={2}>
      {current && (
        <Paper variant="outlined" sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {current.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {current.address}
            </Typography>
          </Box>
          <Button onClick={() => setEditing({ kind: 'site', site: current })}>
            {t('registry.editSite')}
          </Button>
          <Button color="error" onClick={() => setRetiring({ kind: 'site', site: current })}>
            {t('registry.retireSite')}
          </Button>
        </Paper>
      )}
      {/*
       * Buildings and floors side by side only where both tables fit whole; on a 1024 px screen
       * (or in English) the floors card goes below instead of running off the page.
       */}
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          '& > *': { flex: '1 1 0', minWidth: 'fit-content' },
        }}
      >
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" sx={{ mb: 1, alignItems: 'center' }}>
            <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
              {t('registry.buildings')}
            </Typography>
            <Button startIcon={<AddIcon />} onClick={() => setEditing({ kind: 'newBuilding' })}>
              {t('registry.addBuilding')}
            </Button>
            <Button
              startIcon={<AddIcon />}
              onClick={props.onBulkCreate}
              disabled={props.buildings.length === 0}
            >
              {t('rooms.bulkCreate')}
            </Button>
          </Stack>
          {props.buildings.length === 0 ? (
            <Alert severity="info">{t('registry.noBuildings')}</Alert>
          ) : (
            <Table size="small" aria-label={t('registry.buildings')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('common.code')}</TableCell>
                  <TableCell>{t('common.name')}</TableCell>
                  <TableCell align="right">{t('registry.floors')}</TableCell>
                  <TableCell align="right">{t('registry.rooms')}</TableCell>
                  <TableCell align="right">{t('common.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {props.buildings.map((b) => (
                  <TableRow
                    key={b.id}
                    hover
                    selected={b.id === selected?.id}
                    onClick={() => setSelectedId(b.id)}
                    sx={{ cursor: 'pointer' }}
                  >
                    <TableCell>{b.code}</TableCell>
                    <TableCell>{b.name}</TableCell>
                    <TableCell align="right">{b.floorCount}</TableCell>
                    <TableCell align="right">{b.roomCount}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="small"
                        onClick={() => setEditing({ kind: 'building', building: b })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setRetiring({ kind: 'building', building: b })}
                      >
                        {t('common.retire')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack direction="row" sx={{ mb: 1, alignItems: 'center' }}>
            <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
              {selected
                ? `${t('registry.floors')} · ${selected.code} ${selected.name}`
                : t('registry.selectBuilding')}
            </Typography>
            {selected && (
              <Button
                startIcon={<AddIcon />}
                onClick={() => setEditing({ kind: 'newFloor', building: selected })}
              >
                {t('registry.addFloor')}
              </Button>
            )}
          </Stack>
          {floors.error && <Alert severity="error">{errorText(t, floors.error)}</Alert>}
          {selected && floors.data && (
            <Table size="small" aria-label={t('registry.floors')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('registry.level')}</TableCell>
                  <TableCell>{t('common.name')}</TableCell>
                  <TableCell align="right">{t('registry.rooms')}</TableCell>
                  <TableCell align="right">{t('common.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {floors.data.map((f) => (
                  <TableRow key={f.id}>
                    <TableCell>{f.level}</TableCell>
                    <TableCell>{f.name}</TableCell>
                    <TableCell align="right">{f.roomCount}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setNewRoomFloor(f)}>
                        {t('rooms.addRoom')}
                      </Button>
                      <Button size="small" onClick={() => setEditing({ kind: 'floor', floor: f })}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setRetiring({ kind: 'floor', floor: f })}
                      >
                        {t('common.retire')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      </Box>
      {editing && (
        <RegistryFormDialog
          editing={editing}
          siteId={props.siteId}
          onDone={() => {
            setEditing(null);
            notify(t('common.saved'));
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={retiring !== null}
        danger
        text={retiringText(retiring, t)}
        confirmLabel={t('common.retire')}
        onConfirm={() => retiring && void retire(retiring)}
        onClose={() => setRetiring(null)}
      />
      {newRoomFloor && selected && (
        <RoomFormDialog
          open
          mode={{
            kind: 'create',
            floorId: newRoomFloor.id,
            suggestedNumber: roomLabel(
              selected.code,
              newRoomFloor.level,
              newRoomFloor.roomCount + 1,
            ),
          }}
          onClose={() => setNewRoomFloor(null)}
          onSaved={() => {
            setNewRoomFloor(null);
            notify(t('common.saved'));
          }}
        />
      )}
    </Stack>
  );
}

type T = TFunction;

function retiringText(target: Retiring | null, t: T): string {
  if (!target) return '';
  if (target.kind === 'site') return t('registry.retireSiteConfirm', { name: target.site.name });
  if (target.kind === 'building')
    return t('registry.retireBuildingConfirm', {
      name: `${target.building.code} ${target.building.name}`,
    });
  return t('registry.retireFloorConfirm');
}
