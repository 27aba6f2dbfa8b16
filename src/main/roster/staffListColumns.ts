import { STAFF_ROLES, type StaffRole } from '../../shared/roster';
import { messagesFor } from '../../shared/i18n/catalogue';
import type { HeaderSynonyms } from '../services/fileReading/headerColumns';
import { clean, normalizeHeader } from '../services/fileReading/sheetCells';

/** The columns a staff list may have; `serial` is the list's own 序号. */
export const STAFF_LIST_FIELDS = [
  'serial',
  'fullName',
  'role',
  'unit',
  'phone',
  'skills',
  'maxHoursWeek',
] as const;
export type StaffListField = (typeof STAFF_LIST_FIELDS)[number];

/** Header words of each column, as `normalizeHeader` leaves them (no spaces, lower case). */
export const STAFF_LIST_HEADERS: HeaderSynonyms<StaffListField> = {
  serial: ['序号', '编号', 'no', 'serial'],
  fullName: ['姓名', '名字', '人员姓名', '工作人员姓名', 'name', 'fullname', 'staffname'],
  role: ['岗位', '角色', '职务', '岗位角色', '工种', '人员类别', '职责', 'role', 'position', 'job'],
  unit: [
    '单位',
    '所属单位',
    '工作单位',
    '派出单位',
    '部门',
    'unit',
    'organisation',
    'organization',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系电话',
    '联系方式',
    'mobile',
    'phone',
    'tel',
    'mobilenumber',
    'phonenumber',
  ],
  skills: ['技能', '专长', '特长', '资质', 'skills', 'skill'],
  maxHoursWeek: [
    '每周最多工时',
    '每周工时',
    '最多工时',
    '周工时上限',
    '每周最多小时',
    '工时上限',
    'maxhoursaweek',
    'maxhoursweek',
    'maxhours',
    'weeklyhours',
  ],
};

/**
 * Role words as staff lists write them, besides the app's own names in both languages (which
 * `roleOf` adds). Compared after `normalizeHeader`, so 护士长 and 护士 (长) both need no entry.
 */
const ROLE_WORDS: Record<StaffRole, readonly string[]> = {
  doctor: ['医生', '医师', '大夫', '临床医生', '主治医师', '住院医师', '医务人员'],
  nurse: ['护士', '护师', '护理', '护士长', '主管护师', '护理人员'],
  security: [
    '保安',
    '安保',
    '民警',
    '辅警',
    '警察',
    '公安',
    '治安',
    '门卫',
    '警务',
    'police',
    'guard',
  ],
  cleaning: ['保洁', '清洁', '保洁员', '消杀', '消毒', '环卫', '保洁消毒', 'cleaner'],
  logistics: ['后勤', '物资', '物资保障', '厨师', '炊事', '送餐', '食堂', '维修', '电工', '水电'],
  coordinator: ['协调', '协调员', '联络员', '调度', '专班', '负责人', '指挥', '值班长'],
  community: [
    '社区工作者',
    '社工',
    '网格员',
    '社区干部',
    '居委会',
    '社区',
    '志愿者',
    '街道干部',
    'volunteer',
  ],
  driver: ['司机', '驾驶员', '转运司机', '驾驶'],
  other: ['其他', '其它'],
};

/** Every word that names a role: the list's own words, the app's names, the codes themselves. */
const ROLE_BY_WORD: ReadonlyMap<string, StaffRole> = (() => {
  const map = new Map<string, StaffRole>();
  const add = (word: string, role: StaffRole) => {
    const key = normalizeHeader(word);
    if (key && !map.has(key)) map.set(key, role);
  };
  for (const role of STAFF_ROLES) {
    add(role, role);
    add(messagesFor('zh-CN').staffRole[role], role);
    add(messagesFor('en').staffRole[role], role);
    for (const w of ROLE_WORDS[role]) add(w, role);
  }
  return map;
})();

/**
 * The role a cell names: the whole cell as a role word, else the longest role word it contains
 * (主管护师 → nurse, 城东街道派出所民警 → security), else none.
 */
export function roleOf(text: string): StaffRole | undefined {
  const key = normalizeHeader(clean(text));
  if (!key) return undefined;
  const exact = ROLE_BY_WORD.get(key);
  if (exact) return exact;
  let best: StaffRole | undefined;
  let bestLength = 1;
  for (const [word, role] of ROLE_BY_WORD) {
    if (word.length > bestLength && !/^[a-z]+$/.test(word) && key.includes(word)) {
      best = role;
      bestLength = word.length;
    }
  }
  return best;
}

/** A mobile as stored: spaces, dashes and a +86 in front dropped (the contract checks the rest). */
export const mobileOf = (text: string): string =>
  clean(text)
    .replace(/[\s\-()]/g, '')
    .replace(/^(?:\+?86)(?=1\d{10}$)/, '');

/** Skills in one cell, however they are separated (、，;/ or spaces). */
export const skillsOf = (text: string): string[] => [
  ...new Set(
    clean(text)
      .split(/[、,，;；/\s]+/)
      .filter((s) => s !== ''),
  ),
];

/** Weekly maximum hours: a whole number, with 小时 or h after it if written; empty gives none. */
export function hoursOf(text: string): number | 'empty' | 'bad' {
  const s = clean(text).replace(/\s*(小时|h|hours?)$/i, '');
  if (s === '') return 'empty';
  return /^\d{1,4}$/.test(s) ? Number(s) : 'bad';
}
