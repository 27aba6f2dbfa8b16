import ExcelJS from 'exceljs';
import { residentId } from '../peopleTesting';

/** A district list as Excel writes it: what must still read after every hostile file. */
export async function goodWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('密接人员名单');
  sheet.addRow(['崇川区和平桥街道 密切接触者名单']);
  sheet.addRow(['姓名', '性别', '出生日期', '身份证号', '手机', '类别', '备注']);
  const people = [
    ['陈静', '女', '1988-05-09', '13912345678', '密接', '和平桥街道'],
    ['周建国', '男', '1961-10-01', '', '次密接', '任港街道'],
  ] as const;
  people.forEach(([name, gender, birth, phone, category, notes], i) =>
    sheet.addRow([
      name,
      gender,
      new Date(`${birth}T00:00:00Z`),
      residentId(birth, gender === '女' ? 'female' : 'male', 11 + i),
      phone,
      category,
      notes,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
