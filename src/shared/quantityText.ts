/**
 * Quantities as donation registers write them: `2000`, `1,000`, `2000余只`, `30多个`, `约500`,
 * `一千`, `两千五百只`, `1.2万`, `500只左右`. The number, the counting word written with it, and
 * whether the writer only gave an estimate (余, 多, 来, 约, 左右…), which the note keeps.
 */
export interface QuantityText {
  /** A whole number above 0, or null when the text is not one. */
  quantity: number | null;
  /** A counting word written after the number (`只` of `2000余只`), or ''. */
  unit: string;
  approximate: boolean;
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const SCALE: Record<string, number> = { ...SMALL_UNIT, ...BIG_UNIT };

/** 一千 → 1000, 两千五百 → 2500, 十五 → 15, 一万二千 → 12000; null for anything else. */
export function chineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGIT) {
      if (digit !== null && digit !== 0) return null; // 二三: two digits in a row
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      // 十五: a 十 alone means one ten.
      section += (digit ?? (section === 0 ? 1 : NaN)) * SMALL_UNIT[ch]!;
      digit = null;
    } else if (ch in BIG_UNIT) {
      total = (total + section + (digit ?? 0)) * BIG_UNIT[ch]!;
      section = 0;
      digit = null;
    } else return null;
  }
  const value = total + section + (digit ?? 0);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** `1,000` and `12，000`; a comma elsewhere (`1,00`) is a slip, not a separator. */
function arabic(text: string): number | null {
  if (/[,，]/.test(text) && !/^\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(text)) return null;
  const n = Number(text.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n : null;
}

const ABOUT_BEFORE = /^(约|大约|近|共约)/;
const ABOUT_AFTER = /(余|多|来|左右|上下)$/;
const NUMBER =
  /^([0-9][0-9,，]*(?:\.[0-9]+)?)([十百千万亿]*)|^([零〇一二两三四五六七八九十百千万亿]+)/;

export function readQuantityText(raw: string): QuantityText {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  let approximate = false;
  if (ABOUT_BEFORE.test(text)) {
    approximate = true;
    text = text.replace(ABOUT_BEFORE, '');
  }
  const m = NUMBER.exec(text);
  if (!m) return { quantity: null, unit: '', approximate };
  let value: number | null;
  if (m[1] !== undefined) {
    const base = arabic(m[1]);
    let factor = 1;
    for (const ch of m[2] ?? '') factor *= SCALE[ch]!;
    value = base === null ? null : Math.round(base * factor * 1e6) / 1e6;
  } else value = chineseNumeral(m[3]!);
  let rest = text.slice(m[0].length);
  // 2000余只, 2000只余, 500只左右: the estimate may come before or after the counting word.
  const before = /^(余|多|来)/.exec(rest);
  if (before) {
    approximate = true;
    rest = rest.slice(before[0].length);
  }
  if (ABOUT_AFTER.test(rest)) {
    approximate = true;
    rest = rest.replace(ABOUT_AFTER, '');
  }
  const ok = value !== null && Number.isSafeInteger(value) && value > 0 && !/\d/.test(rest);
  return { quantity: ok ? value : null, unit: ok ? rest : '', approximate };
}
