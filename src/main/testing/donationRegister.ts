import { addDays } from '../../shared/siteDate';
import type { PartyKind } from '../../shared/stock';

/** The site's items before the register arrives: masks counted in 只, gowns in 件… */
export const REGISTER_CATALOGUE = [
  { name: '一次性医用口罩', category: 'ppe', baseUnit: '只' },
  { name: '医用防护口罩', category: 'ppe', baseUnit: '只' },
  { name: '医用防护服', category: 'ppe', baseUnit: '件' },
  { name: '测温枪', category: 'medical', baseUnit: '支' },
  { name: '医用酒精', category: 'disinfection', spec: '500ml', baseUnit: '瓶' },
] as const;

/** One printed line of a district donation register; blank cells as the paper leaves them. */
export interface RegisterEntry {
  serial: string;
  day: string;
  donor: string;
  kind: PartyKind | null;
  /** The kind as the register prints it. */
  kindText: string;
  item: string;
  quantity: string;
  unit: string;
  purpose: string;
  note: string;
  /** The 合计 line at the foot. */
  total?: boolean;
}

type Line = [
  daysAgo: number | null,
  donor: string,
  kindText: string,
  item: string,
  quantity: string,
  unit: string,
  purpose: string,
  note?: string,
];

const KIND_OF: Record<string, PartyKind> = {
  企业: 'company',
  个人: 'individual',
  社会组织: 'organisation',
};

/**
 * A week of donations as the district bulletin reports them (its companies, shops and citizens):
 * donor and date printed once for several lines (merged cells), 个 and 只 for the same masks, 2000余只,
 * a unit written in the quantity cell, a row without any unit, the same line typed twice, a 合计.
 */
const LINES: Line[] = [
  [6, '中原市场投顺贸易有限公司', '企业', '医用防护口罩', '1000', '个', '钟秀街道'],
  [6, '南通普济药房连锁有限公司', '企业', '医用防护口罩', '1000', '只', '钟秀街道'],
  [5, '福临堂药房', '企业', '一次性医用口罩', '500', '只', '新胜社区社区工作者'],
  [null, '', '', '测温枪', '2', '支', '新胜社区社区工作者'],
  [4, '南通市纺针品有限公司', '企业', '医用防护口罩', '1360只', '', '街道办、社区', '库存全部捐出'],
  [null, '', '', '医用防护服', '250', '件', '一线防疫'],
  [null, '', '', '护目镜', '29', '副', '一线防疫'],
  [3, '卢女士', '个人', '一次性医用口罩', '2000余只', '', '街道、社区、高速收费站'],
  [3, '王志美', '个人', '医用防护口罩', '80', '个', '狼山社区'],
  [3, '王志美', '个人', '医用防护口罩', '80', '个', '狼山社区'],
  [2, '城山幼儿园', '社会组织', '一次性医用口罩', '1000余', '个', '文峰街道'],
  [1, '葛秀智', '个人', '医用酒精', '1', '', '观阳名邸物业人员', '给温度计消毒'],
  [0, '京典大药房', '企业', '一次性医用口罩', '500', '只', '文峰城管执法中队'],
];

export function weekRegister(today: string): RegisterEntry[] {
  const entries: RegisterEntry[] = LINES.map(
    ([ago, donor, kindText, item, quantity, unit, purpose, note = ''], i) => ({
      serial: String(i + 1),
      day: ago === null ? '' : addDays(today, -ago),
      donor,
      kind: KIND_OF[kindText] ?? null,
      kindText,
      item,
      quantity,
      unit,
      purpose,
      note,
    }),
  );
  return [
    ...entries,
    {
      serial: '合计',
      day: '',
      donor: '',
      kind: null,
      kindText: '',
      item: '',
      quantity: '',
      unit: '',
      purpose: '',
      note: '',
      total: true,
    },
  ];
}

/** The register as CSV, with the title line the district prints above the header. */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    '崇川区疫情防控捐赠物资登记表',
    '序号,捐赠日期,捐赠单位/个人,捐赠方类型,物资名称,规格,数量,单位,用途,备注',
    ...entries.map((e) =>
      [e.serial, e.day, e.donor, e.kindText, e.item, '', e.quantity, e.unit, e.purpose, e.note]
        .map(quote)
        .join(','),
    ),
  ].join('\r\n');
}
