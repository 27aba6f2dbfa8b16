import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StaffOnDuty } from '@shared/onDuty';
import type { StockAlerts } from '@shared/stockAlerts';
import { renderUi } from '@renderer/testing/renderUi';
import { StaffOnDutySection, StockAlertsSection } from './DailyReportStaffStock';

const nobody = { posts: [], leaders: [], headcount: 0, gaps: 0 };
const quietStore: StockAlerts = {
  low: [],
  expired: [],
  expiring: [],
  supply: [],
  usageFrom: '2026-11-23',
  usageTo: '2026-11-29',
};

describe('the daily report says who was on duty and what the stores need, in words', () => {
  it('no roster, or only a draft: a sentence, not a dash', () => {
    const { unmount } = renderUi(<StaffOnDutySection duty={{ roster: 'none', ...nobody }} />);
    expect(screen.getByTestId('report-staff').textContent).toBe('当日没有排班，无在岗人员记录');
    unmount();
    renderUi(<StaffOnDutySection duty={{ roster: 'draft', ...nobody }} />);
    expect(screen.getByTestId('report-staff').textContent).toBe('当日排班尚未发布，无在岗人员记录');
  });

  it('a published day: each post with its shifts at site time, the vacant place, the leader', () => {
    const duty: StaffOnDuty = {
      roster: 'published',
      posts: [
        {
          post: '门岗',
          roles: ['security'],
          shifts: [
            {
              shift: '白班',
              startsAt: '2026-11-30T00:00:00.000Z',
              endsAt: '2026-11-30T08:00:00.000Z',
              required: 2,
              staff: [{ name: '王保安', role: 'security' }],
            },
          ],
        },
      ],
      leaders: [
        {
          name: '谭真',
          shift: '白班',
          startsAt: '2026-11-30T00:00:00.000Z',
          endsAt: '2026-11-30T08:00:00.000Z',
        },
      ],
      headcount: 2,
      gaps: 1,
    };
    renderUi(<StaffOnDutySection duty={duty} />);
    const text = screen.getByTestId('report-staff').textContent;
    expect(text).toContain('门岗安保/民警');
    expect(text).toContain('白班 08:00–16:00：王保安 空缺');
    expect(text).toContain('带班：谭真（白班 08:00–16:00）');
    expect(text).toContain('在岗 2 人 · 缺 1 人次');
  });

  it('a quiet store says so; alerts list a few and count the rest', () => {
    const { unmount } = renderUi(<StockAlertsSection alerts={quietStore} />);
    expect(screen.getByTestId('report-stock').textContent).toBe(
      '无低于下限、过期或临期的物资近 7 日无出库，无法推算可用天数',
    );
    unmount();
    const masks = { name: '医用外科口罩', spec: '一次性', baseUnit: '只' };
    const low = Array.from({ length: 6 }, (_, i) => ({
      ...masks,
      name: `物资${i + 1}`,
      onHand: i,
      lowThreshold: 10,
    }));
    renderUi(
      <StockAlertsSection
        alerts={{
          ...quietStore,
          low,
          supply: [{ ...masks, onHand: 660, perDay: 120, daysOfSupply: 5.5 }],
        }}
      />,
    );
    const text = screen.getByTestId('report-stock').textContent;
    expect(text).toContain('低于下限：物资1（一次性） 0/10 只；');
    expect(text).toContain('物资4（一次性） 3/10 只 等 2 项');
    expect(text).not.toContain('物资5');
    expect(text).toContain('可用天数（按 11-23 至 11-29 日均出库）：医用外科口罩（一次性） 5.5 天');
  });
});
