import { LANGUAGES } from '../../shared/domain';
import { messagesFor } from '../../shared/i18n/catalogue';
import type { PartyKind } from '../../shared/stock';
import { columnsOf, type HeaderSynonyms } from '../services/fileReading/headerColumns';
import { clean } from '../services/fileReading/sheetCells';

export type RegisterField =
  | 'serial'
  | 'date'
  | 'donor'
  | 'donorKind'
  | 'name'
  | 'spec'
  | 'quantity'
  | 'unit'
  | 'purpose'
  | 'note'
  | 'lotCode'
  | 'expiry';

/**
 * Header words of a donation register or a donor's list, as people write them, compared after
 * normalizeHeader (so `捐赠单位/个人` is `捐赠单位个人`). 单位 alone is the counting unit, never the donor.
 */
export const REGISTER_HEADERS: HeaderSynonyms<RegisterField> = {
  serial: ['序号', '编号', '序', 'no', 'seq'],
  date: ['捐赠日期', '日期', '到货日期', '接收日期', '收到日期', '入库日期', '时间', 'date'],
  donor: [
    '捐赠单位',
    '捐赠人',
    '捐赠方',
    '捐赠者',
    '捐赠单位个人',
    '捐赠单位或个人',
    '捐赠人单位',
    '捐赠单位名称',
    '捐赠人姓名',
    'donor',
  ],
  donorKind: [
    '捐赠方类型',
    '捐赠人类型',
    '捐赠者类型',
    '捐赠方性质',
    '单位性质',
    '性质',
    '类型',
    'donorkind',
    'donortype',
  ],
  name: [
    '物资名称',
    '物资',
    '品名',
    '名称',
    '物品',
    '物品名称',
    '捐赠物资',
    '捐赠物品',
    'item',
    'name',
  ],
  spec: ['规格', '规格型号', '型号', 'spec', 'specification'],
  quantity: ['数量', '捐赠数量', 'qty', 'quantity'],
  unit: ['单位', '计量单位', 'unit'],
  purpose: ['用途', '受赠方', '去向', '受赠单位', '接收单位', '用于', 'purpose', 'recipient'],
  note: ['备注', '说明', 'note', 'remark', 'remarks'],
  lotCode: ['批号', '批次', 'lot', 'batch'],
  expiry: ['有效期', '有效期至', '失效日期', 'expiry', 'expirydate'],
};

/** Where each field's column is in a header row (-1 when the list has none), as every import finds it. */
export function registerColumns(header: readonly string[]): Record<RegisterField, number> {
  const found = columnsOf(header, REGISTER_HEADERS);
  return Object.fromEntries(
    (Object.keys(REGISTER_HEADERS) as RegisterField[]).map((f) => [f, found[f] ?? -1]),
  ) as Record<RegisterField, number>;
}

const KIND_WORDS: Record<PartyKind, readonly string[]> = {
  company: ['企业', '公司', '单位', '商户', '商家', '个体工商户', 'company', 'enterprise'],
  individual: ['个人', '市民', '居民', '爱心人士', '群众', 'individual', 'person', 'citizen'],
  organisation: [
    '社会组织',
    '组织',
    '社团',
    '协会',
    '商会',
    '基金会',
    '慈善组织',
    '学校',
    'organisation',
    'organization',
  ],
  district: ['政府', '街道', '上级', '上级调拨', '指挥部', 'district', 'government'],
  supplier: ['供应商', 'supplier'],
};

/** 企业 → company, 个人 → individual, and the app's own words for a kind in either language. */
export function donorKindOf(text: string): PartyKind | null {
  const word = clean(text).toLowerCase();
  for (const [kind, words] of Object.entries(KIND_WORDS) as [PartyKind, readonly string[]][]) {
    const shown = LANGUAGES.map((l) => messagesFor(l).partyKind[kind].toLowerCase());
    if (words.includes(word) || shown.includes(word)) return kind;
  }
  return null;
}

const COMPANY = /(公司|集团|有限|药房|药店|医院|诊所|饭店|酒店|超市|商场|购物中心|厂|店|银行)/;
const ORGANISATION =
  /(协会|商会|总会|基金会|学校|幼儿园|中学|小学|大学|党组织|支部|委员会|同学|校友)/;
const PERSON = /(先生|女士|市民|居民|人士|老师|同志|师傅)/;

/**
 * The kind a register without a kind column implies by the donor's name (南通普济药房连锁有限公司
 * is a company, 市民张先生 a person); null when the name does not say, and the form's kind applies.
 */
export function donorKindByName(name: string): PartyKind | null {
  if (COMPANY.test(name)) return 'company';
  if (ORGANISATION.test(name)) return 'organisation';
  if (PERSON.test(name) || /^\p{Script=Han}{2,3}$/u.test(name)) return 'individual';
  return null;
}

/** A total line at the foot of a printed register is not a donation. */
export const isTotalLine = (cells: readonly string[]) =>
  cells.some((c) => /^(合计|总计|小计)$/.test(clean(c).replace(/\s+/g, '')));
