import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { Building, Floor, Site } from '@shared/domain';
import { call } from '@renderer/api/client';
import { textsInto } from '@renderer/components/contractForm';
import { FormDialog } from '@renderer/components/FormDialog';
import { numberOrNaN } from '@renderer/components/numberInput';

/** What the registry is editing: the site, a building (new or not), a floor (new or not). */
export type RegistryEditing =
  | { kind: 'site'; site: Site }
  | { kind: 'newBuilding' }
  | { kind: 'building'; building: Building }
  | { kind: 'newFloor'; building: Building }
  | { kind: 'floor'; floor: Floor };

/**
 * The site, building and floor dialogs. Each pipes its texts into the contract's own input for
 * the write it makes, so bad input is refused before the round trip in main's words.
 */
export function RegistryFormDialog(props: {
  editing: RegistryEditing;
  siteId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { editing } = props;
  const shared = { open: true, onClose: props.onClose, onDone: props.onDone };
  switch (editing.kind) {
    case 'site': {
      const { site } = editing;
      return (
        <FormDialog
          {...shared}
          title={t('registry.editSite')}
          fields={[
            { name: 'name', label: t('welcome.siteName'), initial: site.name, required: true },
            { name: 'address', label: t('common.address'), initial: site.address },
          ]}
          schema={textsInto(contract['sites.update'].input, (v) => ({
            id: site.id,
            name: v.name ?? '',
            address: v.address ?? '',
          }))}
          onSubmit={(input) => call('sites.update', input)}
        />
      );
    }
    case 'newBuilding':
    case 'building': {
      const building = editing.kind === 'building' ? editing.building : undefined;
      const fields = [
        {
          name: 'code',
          label: t('registry.buildingCode'),
          initial: building?.code ?? '',
          required: true,
        },
        {
          name: 'name',
          label: t('registry.buildingName'),
          initial: building?.name ?? '',
          required: true,
        },
      ];
      const typed = (v: Record<string, string>) => ({ code: v.code ?? '', name: v.name ?? '' });
      return building ? (
        <FormDialog
          {...shared}
          title={`${t('common.edit')} ${building.code}`}
          fields={fields}
          schema={textsInto(contract['buildings.update'].input, (v) => ({
            id: building.id,
            ...typed(v),
          }))}
          onSubmit={(input) => call('buildings.update', input)}
        />
      ) : (
        <FormDialog
          {...shared}
          title={t('registry.addBuilding')}
          fields={fields}
          schema={textsInto(contract['buildings.create'].input, (v) => ({
            siteId: props.siteId,
            ...typed(v),
          }))}
          onSubmit={(input) => call('buildings.create', input)}
        />
      );
    }
    case 'newFloor': {
      const { building } = editing;
      return (
        <FormDialog
          {...shared}
          title={`${t('registry.addFloor')} · ${building.code}`}
          fields={[
            {
              name: 'level',
              label: t('registry.level'),
              initial: '',
              type: 'number',
              required: true,
            },
            { name: 'name', label: t('registry.floorName'), initial: '' },
          ]}
          schema={textsInto(contract['floors.create'].input, (v) => ({
            buildingId: building.id,
            level: numberOrNaN(v.level ?? ''),
            name: v.name ?? '',
          }))}
          onSubmit={(input) => call('floors.create', input)}
        />
      );
    }
    case 'floor': {
      const { floor } = editing;
      return (
        <FormDialog
          {...shared}
          title={`${t('common.edit')} ${t('common.floor')} ${floor.level}`}
          fields={[{ name: 'name', label: t('registry.floorName'), initial: floor.name }]}
          schema={textsInto(contract['floors.update'].input, (v) => ({
            id: floor.id,
            name: v.name ?? '',
          }))}
          onSubmit={(input) => call('floors.update', input)}
        />
      );
    }
  }
}
