import { describe, expect, it } from 'vitest';
import { columnsOf } from '../services/fileReading/headerColumns';
import { hoursOf, mobileOf, roleOf, skillsOf, STAFF_LIST_HEADERS } from './staffListColumns';

describe('a staff list read as people write it', () => {
  it('finds each column under the headers units use, in Chinese or English', () => {
    expect(
      columnsOf(
        ['序号', '姓名', '职务', '所属单位', '联系电话', '专长', '每周最多工时（小时）'],
        STAFF_LIST_HEADERS,
      ),
    ).toEqual({ serial: 0, fullName: 1, role: 2, unit: 3, phone: 4, skills: 5, maxHoursWeek: 6 });
    expect(
      columnsOf(['No.', 'Name', 'Phone number', 'Position', 'Unit', 'Notes'], STAFF_LIST_HEADERS),
    ).toEqual({ serial: 0, fullName: 1, phone: 2, role: 3, unit: 4 });
    // A header that only contains a word: 工作人员姓名, 岗位角色, 手机号码(必填).
    expect(columnsOf(['工作人员姓名', '岗位角色', '手机号码(必填)'], STAFF_LIST_HEADERS)).toEqual({
      fullName: 0,
      role: 1,
      phone: 2,
    });
  });

  it('reads roles in the units’ own words, the app’s names and codes; refuses what names none', () => {
    const cases: [string, string | undefined][] = [
      ['医生', 'doctor'],
      ['主治医师', 'doctor'],
      ['护士长', 'nurse'],
      ['城东街道派出所民警', 'security'],
      ['安保/民警', 'security'],
      ['保洁员', 'cleaning'],
      ['保洁消杀', 'cleaning'],
      ['后勤', 'logistics'],
      ['社区工作者', 'community'],
      ['网格员', 'community'],
      ['驾驶员', 'driver'],
      ['值班长（协调）', 'coordinator'],
      ['Nurse', 'nurse'],
      ['Community worker', 'community'],
      ['security', 'security'],
      ['宣传员', undefined],
      ['', undefined],
    ];
    expect(cases.map(([text]) => [text, roleOf(text)])).toEqual(cases);
  });

  it('mobiles, skills and hours as typed', () => {
    expect(
      ['139 6281 0102', '139-6281-0103', '+86 13962810105', '8613962810105', '1396281012'].map(
        mobileOf,
      ),
    ).toEqual(['13962810102', '13962810103', '13962810105', '13962810105', '1396281012']);
    expect(skillsOf('采样,静脉穿刺、 心理疏导；采样')).toEqual(['采样', '静脉穿刺', '心理疏导']);
    expect(['40', '40小时', '48 h', '', '四十', '40.5'].map(hoursOf)).toEqual([
      40,
      40,
      48,
      'empty',
      'bad',
      'bad',
    ]);
  });
});
