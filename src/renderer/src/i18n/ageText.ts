import type { TFunction } from 'i18next';

/** An age as lists show it: the number, or 年龄不详 when the birth date is unknown (a passport). */
export const ageText = (t: TFunction, age: number | null): string =>
  age === null ? t('people.ageUnknown') : String(age);
