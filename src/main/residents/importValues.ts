import type { Category, DocumentType, Gender } from '../../shared/people';
import { clean, type Converted } from '../services/fileReading/sheetCells';

// A person's cells as values: the words district lists use for gender, documents, categories, yes/no.

const key = (s: string) => clean(s).toLowerCase().replace(/\s+/g, '');

const GENDER_WORDS: Record<string, Gender> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
};

const DOCUMENT_WORDS: Record<string, DocumentType> = {
  身份证: 'resident_id',
  居民身份证: 'resident_id',
  二代身份证: 'resident_id',
  身份证号: 'resident_id',
  护照: 'passport',
  港澳通行证: 'hk_macau_permit',
  往来港澳通行证: 'hk_macau_permit',
  港澳居民来往内地通行证: 'hk_macau_permit',
  回乡证: 'hk_macau_permit',
  台湾通行证: 'taiwan_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  其他: 'other',
  其它: 'other',
  其他证件: 'other',
  residentid: 'resident_id',
  idcard: 'resident_id',
  id: 'resident_id',
  passport: 'passport',
  hkmacaupermit: 'hk_macau_permit',
  taiwanpermit: 'taiwan_permit',
  other: 'other',
};

const CATEGORY_WORDS: Record<string, Category> = {
  closecontact: 'close_contact',
  secondarycontact: 'secondary_contact',
  highriskarea: 'high_risk_area',
  inbound: 'inbound',
  other: 'other',
  // The English catalogue's own words (the English template writes them).
  fromahighriskarea: 'high_risk_area',
  inboundtraveller: 'inbound',
  其他: 'other',
  其它: 'other',
  一般人员: 'other',
};

const YES = new Set(['是', '有', 'y', 'yes', '1', 'true', '√', '✓', '✔']);
const NO = new Set(['否', '无', '没有', '不是', 'n', 'no', '0', 'false', '×', '✗', '-']);

export function toGender(raw: string): Converted<Gender> {
  const value = GENDER_WORDS[key(raw)];
  return value ? { value } : { error: 'gender_value' };
}

export function toDocumentType(raw: string): Converted<DocumentType> {
  const k = key(raw).replace(/[_\-/]/g, '');
  if (!k) return { value: 'resident_id' };
  const value = DOCUMENT_WORDS[k];
  return value ? { value } : { error: 'document_type_value' };
}

/** 密接, 次密接, 中高风险地区…, 入境…; the English names and codes too. Empty is `other`. */
export function toCategory(raw: string): Converted<Category> {
  const k = key(raw).replace(/[_\-/]/g, '');
  if (!k) return { value: 'other' };
  const exact = CATEGORY_WORDS[k];
  if (exact) return { value: exact };
  if (k.includes('次密')) return { value: 'secondary_contact' };
  if (k.includes('密接') || k.includes('密切接触')) return { value: 'close_contact' };
  if (k.includes('风险')) return { value: 'high_risk_area' };
  if (k.includes('入境') || k.includes('境外')) return { value: 'inbound' };
  return { error: 'category_value' };
}

export function toFlag(raw: string): Converted<boolean> {
  const k = key(raw);
  if (!k || NO.has(k)) return { value: false };
  if (YES.has(k)) return { value: true };
  return { error: 'flag_value' };
}

/** Spaces (full-width too) and a leading apostrophe (Excel's "keep as text") removed. */
export function toDocumentNumber(raw: string): Converted<string> {
  const s = clean(raw).replace(/^'/, '').replace(/\s+/g, '');
  if (!s) return { error: 'required' };
  // 3.20602199E+17: Excel turned the number into a float and lost its last digits.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(s)) return { error: 'id_scientific' };
  return { value: s };
}

/** A mobile number without spaces, dashes or a +86 in front. */
export function toPhone(raw: string): string {
  const s = clean(raw)
    .replace(/^'/, '')
    .replace(/[\s\-()]/g, '');
  return /^(\+?86)1\d{10}$/.test(s) ? s.slice(-11) : s;
}
