import { describe, expect, it } from 'vitest';
import { columnsOf, headerRowOf, type HeaderSynonyms } from './headerColumns';

/** A few of an arrivals list's fields, with the words districts head them with. */
const HEADERS: HeaderSynonyms<'fullName' | 'household' | 'phone'> = {
  fullName: ['姓名', '名字'],
  household: ['同户', '家庭'],
  phone: ['手机', '联系电话', 'tel'],
};

describe('columnsOf', () => {
  it('takes exact headers first, then headers containing a synonym, one field per column', () => {
    expect(columnsOf(['序号', '人员姓名', '家庭编号', '手机号码', '姓名'], HEADERS)).toEqual({
      fullName: 4,
      household: 2,
      phone: 3,
    });
  });

  it('a header matched only whole names no field by containing a word (家庭住址 is no household)', () => {
    const whole = { wholeOnly: /住址|单位/ };
    expect(columnsOf(['姓名', '家庭住址', '单位联系电话'], HEADERS)).toEqual({
      fullName: 0,
      household: 1,
      phone: 2,
    });
    expect(columnsOf(['姓名', '家庭住址', '单位联系电话'], HEADERS, whole)).toEqual({
      fullName: 0,
    });
    // An exact synonym still counts, whatever the rule.
    expect(columnsOf(['姓名', '家庭'], HEADERS, { wholeOnly: /家庭/ })).toEqual({
      fullName: 0,
      household: 1,
    });
  });

  it('short Latin words only as whole headers (tel is not inside hotel)', () => {
    expect(columnsOf(['姓名', 'hotel'], HEADERS)).toEqual({ fullName: 0 });
    expect(columnsOf(['姓名', 'Tel'], HEADERS)).toEqual({ fullName: 0, phone: 1 });
  });
});

describe('headerRowOf', () => {
  const rows = (...lines: string[][]) => lines.map((cells, i) => ({ row: i + 1, cells }));

  it('skips title lines to the first row naming enough fields; the first row when none does', () => {
    const list = rows(['崇川区转运名单'], ['', '2026年12月5日'], ['姓名', '手机'], ['王允俊', '']);
    expect(headerRowOf(list, HEADERS)).toBe(2);
    expect(headerRowOf(rows(['a'], ['b']), HEADERS)).toBe(0);
  });

  it('counts with the same whole-only rule: a title of addresses is no header row', () => {
    const list = rows(['姓名', '家庭住址'], ['姓名', '家庭', '手机']);
    expect(headerRowOf(list, HEADERS)).toBe(0);
    expect(headerRowOf(list, HEADERS, 2, { wholeOnly: /住址/ })).toBe(1);
  });
});
