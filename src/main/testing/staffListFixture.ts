import ExcelJS from 'exceljs';
import type { StaffRole } from '../../shared/roster';

/**
 * The staff list a site coordinator gets for seven posts (门岗, 医疗点, 消杀, 后勤, 信息登记, 转运,
 * 值班长): 26 people from the district's organisations, as the units typed it — a title line
 * above the header, 序号, roles in their own words, mobiles with spaces, dashes and +86, skills
 * separated by 、 and commas, hours with 小时 or empty. One mobile is a digit short and one person
 * appears with the number of an earlier row. `meant` is the role the unit means and `refused`
 * what is wrong with the row: what a reader of the paper list knows, not what the import computes.
 */
export interface StaffListLine {
  serial: number;
  name: string;
  roleText: string;
  unit: string;
  mobile: string;
  skills: string;
  hours: string;
  meant: StaffRole;
  refused?: 'bad_mobile' | { sameMobileAs: number };
}

export const STAFF_LIST_TITLE = '崇川区濠河集中隔离观察点工作人员名单（第一批）';
export const STAFF_LIST_HEADER = [
  '序号',
  '姓名',
  '岗位',
  '所属单位',
  '联系电话',
  '专长',
  '每周最多工时',
];

const line = (
  serial: number,
  name: string,
  roleText: string,
  unit: string,
  mobile: string,
  skills: string,
  hours: string,
  meant: StaffRole,
  refused?: StaffListLine['refused'],
): StaffListLine => ({
  serial,
  name,
  roleText,
  unit,
  mobile,
  skills,
  hours,
  meant,
  ...(refused ? { refused } : {}),
});

export const STAFF_LIST: readonly StaffListLine[] = [
  line(
    1,
    '陈志刚',
    '医生',
    '文峰街道社区卫生服务中心',
    '13962810101',
    '发热门诊、采样',
    '40',
    'doctor',
  ),
  line(
    2,
    '朱煜',
    '主治医师',
    '南通市第三人民医院',
    '139 6281 0102',
    '呼吸内科',
    '40小时',
    'doctor',
  ),
  line(
    3,
    '顾晓燕',
    '护士长',
    '文峰街道社区卫生服务中心',
    '139-6281-0103',
    '采样,静脉穿刺',
    '48',
    'nurse',
  ),
  line(4, '钱丽华', '护士', '市第一人民医院', '13962810104', '采样', '', 'nurse'),
  line(5, '孙梦瑶', '主管护师', '中西医结合医院', '+86 13962810105', '心理疏导', '48', 'nurse'),
  line(6, '周建国', '民警', '城东街道派出所', '13962810106', '', '56', 'security'),
  line(7, '吴海峰', '辅警', '城东街道派出所', '13962810107', '', '56', 'security'),
  line(8, '郑伟', '保安', '濠河物业服务中心', '13962810108', '消防', '60', 'security'),
  line(9, '王强', '安保/民警', '任港街道派出所', '13962810109', '', '56', 'security'),
  line(10, '冯秀英', '保洁员', '坤园物业管理有限公司', '13962810110', '', '48', 'cleaning'),
  line(11, '陈桂兰', '消杀', '崇川区疾控中心', '13962810111', '终末消毒、配药', '40', 'cleaning'),
  line(12, '褚红梅', '保洁', '坤园物业管理有限公司', '13962810112', '', '48', 'cleaning'),
  line(13, '卫东', '后勤', '崇川区应急管理局', '13962810113', '物资管理', '48', 'logistics'),
  line(14, '蒋春生', '厨师', '苏湘阁饭店', '13962810114', '配餐', '48', 'logistics'),
  line(15, '沈建华', '物资保障', '崇川区卫健委', '13962810115', '仓库,叉车', '40', 'logistics'),
  line(
    16,
    '韩梅',
    '社区工作者',
    '城东街道濠东社区',
    '13962810116',
    '信息登记、心理疏导',
    '40',
    'community',
  ),
  line(17, '杨帆', '网格员', '学田街道果园社区', '13962810117', '信息登记', '40', 'community'),
  line(18, '王志美', '社区工作者', '和平桥街道濠西社区', '13962810105', '', '40', 'community', {
    sameMobileAs: 5,
  }),
  line(19, '蔡震国', '社工', '城东街道板桥社区', '13962810119', '', '40', 'community'),
  line(20, '许文斌', '志愿者', '钟秀街道', '1396281012', '', '24', 'community', 'bad_mobile'),
  line(21, '何军', '司机', '崇川区交通运输局', '13962810121', 'B2驾照', '48', 'driver'),
  line(22, '吕斌', '驾驶员', '市急救中心', '13962810122', 'A2驾照、负压救护车', '48', 'driver'),
  line(23, '施敏', '协调员', '崇川区卫健委', '13962810123', '统筹调度', '60', 'coordinator'),
  line(24, '张立', '联络员', '虹桥街道', '13962810124', '', '48', 'coordinator'),
  line(
    25,
    '孔令辉',
    '值班长（协调）',
    '崇川区应急管理局',
    '13962810125',
    '应急指挥',
    '60',
    'coordinator',
  ),
  line(26, '曹静', '医师', '崇川区妇幼保健院', '13962810126', '儿科', '40', 'doctor'),
];

/** The rows as cells in the header's order. */
const cellsOf = (l: StaffListLine): string[] => [
  String(l.serial),
  l.name,
  l.roleText,
  l.unit,
  l.mobile,
  l.skills,
  l.hours,
];

const quoted = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** As a CSV file (UTF-8 with BOM, as Excel saves it). */
export function staffListCsv(lines: readonly StaffListLine[] = STAFF_LIST): string {
  return (
    '\uFEFF' +
    [[STAFF_LIST_TITLE], STAFF_LIST_HEADER, ...lines.map(cellsOf)]
      .map((cells) => cells.map(quoted).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

/** As an .xlsx workbook, serials, mobiles and hours typed as numbers where they are numbers. */
export async function staffListXlsx(lines: readonly StaffListLine[] = STAFF_LIST): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow([STAFF_LIST_TITLE]);
  sheet.addRow(STAFF_LIST_HEADER);
  const numberOr = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);
  for (const l of lines) sheet.addRow(cellsOf(l).map(numberOr));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
