import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistrictSummary, SiteDay } from '@shared/dayFile';
import { applyLanguage, DEFAULT_LANGUAGE } from '@renderer/i18n';
import { renderUi } from '@renderer/testing/renderUi';
import { DistrictSummaryTable } from './DistrictSummaryTable';

const site = (name: string, code: string, values: Record<string, number>): SiteDay => ({
  fileName: `日报数据_${name}_2026-11-29.json`,
  orgUnit: code,
  orgUnitName: name,
  generatedAt: '2026-11-29T08:00:00.000Z',
  appVersion: '0.1.0',
  values,
});

const east = site('区集中隔离点（城东）', 'S0A1B2C3D4E', {
  ISD_RESIDENTS_MIDNIGHT: 37,
  ISD_ADMISSIONS: 12,
  ISD_FEVER_NEW: 1,
  ISD_ROUND_1_DUE: 37,
  ISD_ROUND_1_MEASURED: 24,
});
const west = site('区集中隔离点（城西）', 'S9F8E7D6C5B', {
  ISD_RESIDENTS_MIDNIGHT: 20,
  ISD_ADMISSIONS: 3,
  ISD_FEVER_NEW: 0,
  ISD_ROUND_1_DUE: 20,
  ISD_ROUND_1_MEASURED: 20,
  ISD_ROUND_2_DUE: 19,
});

/** Each row's cells as text, by indicator code. */
function rowsByCode(): Record<string, string[]> {
  const table = screen.getByTestId('district-summary');
  return Object.fromEntries(
    [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.getAttribute('data-code')!,
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ]),
  );
}

describe('the district summary table', () => {
  it('one column per site and a totals column that sums each row (a missing figure counts nothing)', () => {
    const summary: DistrictSummary = { day: '2026-11-29', sites: [east, west], refused: [] };
    renderUi(<DistrictSummaryTable summary={summary} />);
    const head = [...screen.getByTestId('district-summary').querySelectorAll('thead th')].map(
      (th) => th.textContent,
    );
    expect(head).toEqual([
      '指标',
      '单位',
      '区集中隔离点（城东）（S0A1B2C3D4E）',
      '区集中隔离点（城西）（S9F8E7D6C5B）',
      '合计',
    ]);
    const rows = rowsByCode();
    expect(Object.keys(rows)).toEqual([
      'ISD_RESIDENTS_MIDNIGHT',
      'ISD_ADMISSIONS',
      'ISD_FEVER_NEW',
      'ISD_ROUND_1_DUE',
      'ISD_ROUND_1_MEASURED',
      'ISD_ROUND_2_DUE',
    ]);
    for (const [code, cells] of Object.entries(rows)) {
      const expected = (east.values[code] ?? 0) + (west.values[code] ?? 0);
      expect(cells.at(-1), code).toBe(String(expected));
    }
    expect(rows.ISD_RESIDENTS_MIDNIGHT).toEqual(['24时在住人数', '人', '37', '20', '57']);
    expect(rows.ISD_ROUND_2_DUE).toEqual(['第2轮应测', '人次', '—', '19', '19']);
    expect(screen.getByText(/日期：2026-11-29/).textContent).toContain('已打开 2 个隔离点');
  });

  it('says in words why each file was not taken', () => {
    const summary: DistrictSummary = {
      day: '2026-11-29',
      sites: [east],
      refused: [
        { fileName: 'a.json', reason: 'checksum', params: {} },
        { fileName: 'b.csv', reason: 'format_version', params: { found: '2', expected: 1 } },
        { fileName: 'c.json', reason: 'other_day', params: { day: '2026-11-28', expected: '2026-11-29' } },
        { fileName: 'd.json', reason: 'duplicate_site', params: { site: '区集中隔离点（城东）', other: 'x.json' } },
        {
          fileName: 'e.json',
          reason: 'unreadable',
          params: {},
          error: { code: 'INVALID_INPUT', message: 'big', params: { max: 5 }, fields: { base64: 'file_too_large' } },
        },
      ],
    };
    renderUi(<DistrictSummaryTable summary={summary} />);
    const lines = [...within(screen.getByTestId('district-refused')).getAllByText(/：/)].map(
      (d) => d.textContent,
    );
    expect(lines).toEqual([
      'a.json：校验和不符：文件在导出后被改动或已损坏',
      'b.csv：数据格式版本为 2，本系统只能读取版本 1：请用相同版本的系统导出',
      'c.json：这是 2026-11-28 的数据，与其他文件的日期 2026-11-29 不同',
      'd.json：区集中隔离点（城东） 的数据已由 x.json 打开，同一隔离点不能重复计入',
      'e.json：文件无法读取：文件不能超过 5 MB',
    ]);
  });

  describe('in English', () => {
    afterEach(() => applyLanguage(DEFAULT_LANGUAGE));

    it('names the indicators, units and refusals in English', async () => {
      await applyLanguage('en');
      renderUi(
        <DistrictSummaryTable
          summary={{
            day: '2026-11-29',
            sites: [east, west],
            refused: [{ fileName: 'a.json', reason: 'checksum', params: {} }],
          }}
        />,
      );
      const rows = rowsByCode();
      expect(rows.ISD_RESIDENTS_MIDNIGHT!.slice(0, 2)).toEqual(['In residence at 24:00', 'persons']);
      expect(rows.ISD_ROUND_1_MEASURED!.slice(0, 2)).toEqual(['Round 1 measured', 'readings']);
      expect(screen.getByTestId('district-refused').textContent).toContain(
        'a.json: Checksum does not match: the file was changed after export or is damaged',
      );
    });
  });
});
