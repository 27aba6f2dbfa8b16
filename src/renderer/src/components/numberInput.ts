/** A number field's text as a number; an empty field is NaN so main answers "required", not 0. */
export const numberOrNaN = (text: string): number =>
  text.trim() === '' ? Number.NaN : Number(text);
