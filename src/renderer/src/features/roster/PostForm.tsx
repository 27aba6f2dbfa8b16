import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '@shared/contract';
import { STAFF_ROLES, type Post, type ShiftTemplate } from '@shared/roster';
import { call } from '@renderer/api/client';
import { DialogForm } from '@renderer/components/DialogForm';
import { useContractForm } from '@renderer/components/useContractForm';

/**
 * The fields a post form edits, checked by the contract's create schema less its site and its
 * place in the list (a new post takes main's default; an edited one keeps its own).
 */
const postSchema = contract['posts.create'].input.omit({ siteId: true, sortOrder: true });
type PostValues = z.input<typeof postSchema>;
type PostFields = z.output<typeof postSchema>;

/** A post: its name, the roles that may fill it, how many per shift, the shifts it runs. */
export function PostForm(props: {
  siteId: number;
  /** The post to edit; null for a new one. */
  post: Post | null;
  templates: ShiftTemplate[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { post } = props;
  // Checked by the contract's own schema before the round trip: same rules, same words as main.
  const { form, submit, problem, text, number } = useContractForm(postSchema, {
    name: post?.name ?? '',
    roles: post?.roles ?? [],
    headCount: post?.headCount ?? 1,
    templateIds: post?.templateIds ?? [],
  });
  const save = async (fields: PostFields) => {
    const ok = await submit.run(() =>
      post
        ? call('posts.update', { id: post.id, sortOrder: post.sortOrder, ...fields })
        : call('posts.create', { siteId: props.siteId, ...fields }),
    );
    if (ok) props.onDone();
  };
  return (
    <DialogForm
      title={post ? post.name : t('roster.newPost')}
      submit={submit}
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      onDone={props.onDone}
      onClose={props.onClose}
    >
      <TextField label={t('roster.post')} {...text('name')} required autoFocus />
      <CheckboxGroup
        control={form.control}
        name="roles"
        label={t('roster.roles')}
        problem={problem('roles')}
        options={STAFF_ROLES.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))}
      />
      <TextField label={t('roster.headCount')} {...number('headCount')} />
      <CheckboxGroup
        control={form.control}
        name="templateIds"
        label={t('roster.shifts')}
        problem={problem('templateIds')}
        options={props.templates.map((x) => ({ value: x.id, label: `${x.name} ${x.start}` }))}
      />
    </DialogForm>
  );
}

/** A row of checkboxes editing one list field of the form, its problem shown beneath. */
function CheckboxGroup<K extends 'roles' | 'templateIds'>(props: {
  control: Control<PostValues, unknown, PostFields>;
  name: K;
  label: string;
  problem: string | undefined;
  options: { value: NonNullable<PostValues[K]>[number]; label: ReactNode }[];
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => {
        const chosen: unknown[] = field.value ?? [];
        return (
          <FormControl error={!!props.problem} component="fieldset">
            <FormLabel component="legend">{props.label}</FormLabel>
            <FormGroup row>
              {props.options.map((o) => (
                <FormControlLabel
                  key={String(o.value)}
                  control={
                    <Checkbox
                      checked={chosen.includes(o.value)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked
                            ? [...chosen, o.value]
                            : chosen.filter((x) => x !== o.value),
                        )
                      }
                    />
                  }
                  label={o.label}
                />
              ))}
            </FormGroup>
            {props.problem && <FormHelperText>{props.problem}</FormHelperText>}
          </FormControl>
        );
      }}
    />
  );
}
