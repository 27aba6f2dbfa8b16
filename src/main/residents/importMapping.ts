import type { ImportField, ImportMapping } from '../../shared/imports';
import {
  columnsOf,
  headerRowOf,
  type HeaderMatching,
  type HeaderSynonyms,
} from '../services/fileReading/headerColumns';
import { normalizeHeader } from '../services/fileReading/sheetCells';
import type { SheetRow } from '../services/fileReading/readSheet';

// Which column of an arrivals list holds which person field, guessed from its headers.

/** Header words for each field, compared after `normalizeHeader` (so without spaces, lower case). */
const SYNONYMS: HeaderSynonyms<ImportField> = {
  fullName: ['姓名', '名字', '人员姓名', '隔离人员姓名', 'name', 'fullname', '名称'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: [
    '出生日期',
    '出生年月',
    '出生年月日',
    '生日',
    'birthdate',
    'dateofbirth',
    'birthday',
    'dob',
  ],
  documentType: ['证件类型', '证件类别', '证件种类', 'idtype', 'documenttype', 'doctype'],
  documentNumber: [
    '身份证号',
    '身份证号码',
    '身份证',
    '证件号码',
    '证件号',
    '护照号',
    '护照号码',
    'id',
    'idno',
    'idnumber',
    'idcard',
    'documentnumber',
    'documentno',
    'passportnumber',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '联系方式',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'phonenumber',
  ],
  category: ['类别', '人员类别', '人员类型', '管控类别', '隔离类别', '隔离类型', 'category'],
  household: [
    '同户',
    '家庭',
    '同行',
    '同户编号',
    '家庭编号',
    '户号',
    '同行人',
    '同户同行',
    'household',
    'family',
    'group',
  ],
  originPlace: [
    '来源街道',
    '来源地',
    '来源地区',
    '来源',
    '所属街道',
    '街道',
    '来自',
    'origin',
    'from',
  ],
  registeredResidence: [
    '户籍地',
    '户籍地址',
    '户籍',
    '户籍所在地',
    '籍贯',
    'hukou',
    'registeredresidence',
  ],
  travel: [
    '车次/航班',
    '车次航班',
    '航班/车次',
    '航班车次',
    '车次',
    '航班',
    '航班号',
    '交通方式',
    '乘坐交通工具',
    'flight',
    'train',
    'travel',
  ],
  lastExposureDate: [
    '末次接触',
    '末次接触日期',
    '末次接触时间',
    '末次暴露',
    '末次暴露日期',
    '末次暴露时间',
    '最后接触日期',
    'lastexposure',
    'lastexposuredate',
    'lastcontact',
    'lastcontactdate',
  ],
  pregnant: ['孕妇', '是否孕妇', '怀孕', '是否怀孕', 'pregnant'],
  chronicIllness: [
    '慢性病',
    '是否有慢性病',
    '有无慢性病',
    '基础疾病',
    '基础病',
    'chronicillness',
    'chronic',
  ],
  disability: ['残疾', '是否残疾', '残疾人', 'disability', 'disabled'],
  emergencyContact: [
    '紧急联系人',
    '紧急联系人姓名',
    '联系人',
    '联系人姓名',
    '家属',
    '家属姓名',
    'emergencycontact',
    'emergencycontactname',
    'contact',
  ],
  emergencyPhone: [
    '紧急联系电话',
    '紧急联系人电话',
    '紧急联系人手机',
    '紧急联系方式',
    '联系人电话',
    '联系人手机',
    '联系人手机号',
    '家属电话',
    '家属手机',
    'contactphone',
    'emergencyphone',
    'emergencycontactphone',
  ],
  notes: ['备注', '说明', '其他说明', 'notes', 'note', 'remarks', 'remark', 'comments'],
};

/** An address (家庭住址, 身份证地址) or a workplace is no person field, whatever else it says. */
const MATCHING: HeaderMatching = { wholeOnly: /地址|住址|单位/ };

/**
 * A field for each header that names one: first headers that are exactly a synonym, then headers
 * that contain one (the longest synonym wins, so 紧急联系电话 is the emergency phone, not the
 * phone). Each field gets the first column that matches it.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  return columnsOf(headers, SYNONYMS, MATCHING);
}

/** Headers that hold the list's own row numbers (compared whole, after `normalizeHeader`). */
const SERIAL_HEADERS = new Set(['序号', '编号', '序', 'no', 'number', 'nr']);

/** The list's 序号 column (序号, 编号, No., #): its numbers label the rows in the preview. */
export function findSerialColumn(headers: readonly string[]): number | null {
  const at = headers.findIndex((h) => SERIAL_HEADERS.has(normalizeHeader(h)) || h.trim() === '#');
  return at < 0 ? null : at;
}

/** The header row: the first of the first ten rows that names at least two fields, else the first. */
export function findHeaderRow(rows: readonly SheetRow[]): number {
  return headerRowOf(rows, SYNONYMS, 2, MATCHING);
}
