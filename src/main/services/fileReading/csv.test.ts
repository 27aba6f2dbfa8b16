import { describe, expect, it } from 'vitest';
import { FILE_LIMITS } from '../../../shared/fileLimits';
import { domainErrorOf } from '../../testing/tempDb';
import { checkIsText, decodeText, guessDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF, LF and CR', () => {
    const text = 'a,"b,1","say ""hi"""\r\n"two\r\nlines",,x\n"",y,"z"\rlast,"",\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['two\r\nlines', '', 'x'],
      ['', 'y', 'z'],
      ['last', '', ''],
    ]);
  });

  it('makes no empty record of a final line break, keeps one without it, and reads nothing from nothing', () => {
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a,b\n\nc')).toEqual([['a', 'b'], [''], ['c']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as it is, like Excel', () => {
    expect(parseCsv('5"2,ab"c"\n')).toEqual([['5"2', 'ab"c"']]);
  });

  it('refuses a quote that is never closed, naming the row it opened in', () => {
    expect(() => parseCsv('a,b\nc,"open\nd,e\n')).toThrow(/row 2/);
  });

  it('takes the separator the header line uses', () => {
    expect(guessDelimiter('姓名\t性别\t身份证号\r\n')).toBe('\t');
    expect(guessDelimiter('姓名;性别\n')).toBe(';');
    expect(guessDelimiter('姓名,性别\n')).toBe(',');
    expect(guessDelimiter('姓名\n')).toBe(',');
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFF姓名,性别', 'utf8'))).toBe('姓名,性别');
  });

  it('reads GBK when the bytes are not UTF-8', () => {
    // 姓名 in GBK (and no valid UTF-8 sequence).
    expect(decodeText(Buffer.from('d0d5c3fb2c41', 'hex'))).toBe('姓名,A');
  });

  it('reads UTF-16 with its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别', 'utf16le')]);
    expect(decodeText(bytes)).toBe('姓名\t性别');
  });
});

describe('CSV limits', () => {
  const paramsOf = (fn: () => unknown) => domainErrorOf(fn).params;

  it('refuses a record with too many fields, too long a field or too long a line', () => {
    expect(parseCsv(','.repeat(FILE_LIMITS.columns - 1))[0]).toHaveLength(FILE_LIMITS.columns);
    expect(paramsOf(() => parseCsv(','.repeat(FILE_LIMITS.columns)))).toEqual({
      reason: 'columns',
      limit: FILE_LIMITS.columns,
    });
    expect(paramsOf(() => parseCsv(`a,"${'x'.repeat(FILE_LIMITS.cell_chars + 1)}"`))).toEqual({
      reason: 'cell_chars',
      limit: FILE_LIMITS.cell_chars,
    });
    const line = Array.from({ length: 3 }, () => 'y'.repeat(30_000)).join(',');
    expect(paramsOf(() => parseCsv(`姓名\r\n${line}\r\n`))).toEqual({
      reason: 'csv_line_chars',
      limit: FILE_LIMITS.csv_line_chars,
    });
  });

  it('takes text with tabs and line breaks, and refuses control characters and undecodable bytes', () => {
    expect(() => checkIsText('姓名\t性别\r\n陈静\t女\n')).not.toThrow();
    expect(paramsOf(() => checkIsText('姓名\u0000'))).toEqual({ reason: 'not_text' });
    expect(paramsOf(() => checkIsText('\u001a'))).toEqual({ reason: 'not_text' });
    // One mojibake character in a long list is kept; a file of them is not text.
    expect(() => checkIsText(`周\uFFFD${'国'.repeat(200)}`)).not.toThrow();
    expect(paramsOf(() => checkIsText('\uFFFD'.repeat(10)))).toEqual({ reason: 'not_text' });
  });
});
