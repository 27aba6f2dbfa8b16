import { codeKey } from '@renderer/i18n/keys';
import type { TFunction } from 'i18next';
import type { RuleViolation } from '@shared/roster';

/** One rule finding in words, e.g. "两班之间只休息 6 小时（至少 8 小时）". */
export const ruleText = (t: TFunction, v: RuleViolation): string =>
  t(`rule.${v.code}`, {
    ...v.params,
    roleLabel: typeof v.params.role === 'string' ? t(codeKey('staffRole', v.params.role)) : '',
  });
