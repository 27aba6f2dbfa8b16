import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../services/fileReading/sheetCells';
import { suggestMapping } from './importMapping';

describe('suggestMapping', () => {
  it('maps the headers of a district list by their Chinese names', () => {
    const headers = [
      '序号',
      '*姓名',
      '性别',
      '出生年月',
      '证件类型',
      '证件号码',
      '联系电话',
      '人员类别',
      '同行',
      '末次暴露时间',
      '是否孕妇',
      '有无慢性病',
      '残疾',
      '紧急联系人',
      '紧急联系电话',
      '备注',
      '家庭住址',
    ];
    expect(suggestMapping(headers)).toEqual({
      fullName: 1,
      gender: 2,
      birthDate: 3,
      documentType: 4,
      documentNumber: 5,
      phone: 6,
      category: 7,
      household: 8,
      lastExposureDate: 9,
      pregnant: 10,
      chronicIllness: 11,
      disability: 12,
      emergencyContact: 13,
      emergencyPhone: 14,
      notes: 15,
    });
  });

  it('maps English headers, full-width text and headers with a note in brackets', () => {
    expect(
      suggestMapping([
        'Full Name',
        'Sex',
        'Date of Birth',
        'ID',
        'Mobile',
        'Emergency contact phone',
        'Emergency contact',
        'Household',
        'Last exposure date',
        'Remarks',
      ]),
    ).toEqual({
      fullName: 0,
      gender: 1,
      birthDate: 2,
      documentNumber: 3,
      phone: 4,
      emergencyPhone: 5,
      emergencyContact: 6,
      household: 7,
      lastExposureDate: 8,
      notes: 9,
    });
    expect(normalizeHeader('手机号码（必填）')).toBe('手机号码');
    expect(suggestMapping(['身份证号码(18位)', '联系电话：', '出生日期 (YYYY-MM-DD)'])).toEqual({
      documentNumber: 0,
      phone: 1,
      birthDate: 2,
    });
  });

  it('gives each field one column, and leaves unknown headers unmapped', () => {
    expect(suggestMapping(['姓名', '名字', '工作单位', 'hotel', '身份证地址'])).toEqual({
      fullName: 0,
    });
  });
});
