import type { TFunction } from 'i18next';
import type { Post } from '@shared/roster';
import type { NormLine } from '@shared/supply';

/** A norm line in words: "每名隔离人员每天 2 只", a shift line with its post or role. */
export function normLineText(
  t: TFunction,
  line: NormLine,
  unit: string,
  posts: readonly Post[],
): string {
  const scope =
    line.postId !== undefined
      ? t('supply.scopePost', {
          post: posts.find((p) => p.id === line.postId)?.name ?? `#${line.postId}`,
        })
      : line.role !== undefined
        ? t('supply.scopeRole', { role: t(`staffRole.${line.role}`) })
        : null;
  const base = `${t(`supply.basis.${line.basis}`)} ${line.quantity} ${unit}`;
  return scope ? `${base}（${scope}）` : base;
}

/** A form's one choice for a shift line's limit: '' (every shift), `post:<id>` or `role:<role>`. */
export const scopeOf = (line: NormLine): string =>
  line.postId !== undefined ? `post:${line.postId}` : line.role ? `role:${line.role}` : '';
