import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { RoomFeature, RoomType } from '@shared/domain';
import { FeaturePicker } from './FeaturePicker';
import { RoomTypeSelect } from './RoomTypeSelect';

/** A room form's type, as a select bound to the form's `name` field (a RoomType). */
export function RoomTypeField<Values extends FieldValues>(props: {
  control: Control<Values, unknown, unknown>;
  name: Path<Values>;
  error: string | undefined;
}) {
  const { field } = useController({ control: props.control, name: props.name });
  return (
    <RoomTypeSelect value={field.value as RoomType} onChange={field.onChange} error={props.error} />
  );
}

/** A room form's features, as chips bound to the form's `name` field (RoomFeature[], may be unset). */
export function RoomFeaturesField<Values extends FieldValues>(props: {
  control: Control<Values, unknown, unknown>;
  name: Path<Values>;
}) {
  const { field } = useController({ control: props.control, name: props.name });
  return (
    <FeaturePicker
      value={(field.value as RoomFeature[] | undefined) ?? []}
      onChange={field.onChange}
    />
  );
}
