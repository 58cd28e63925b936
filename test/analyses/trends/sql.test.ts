/** Every trends SQL builder plans against empty canonical tables (EXPLAIN, no data), and splices only checked values. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  trendBucketSql,
  trendCountsSql,
  trendFiguresSql,
  trendFiguresTableSql,
  trendPointSql,
  trendRfmFiguresSql,
  trendSegmentationFiguresSql,
  trendStateSql,
  trendTierFiguresSql,
  TREND_FIGURE_COLUMNS,
} from '../../../src/analyses/trends/sql.js';
import { trendDates } from '../../../src/analyses/trends/index.js';
import { rfmQuerySql, segmentParams } from '../../../src/analyses/rfm/sql.js';
import { standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

const dates = trendDates(AS_OF, 'month', 3);
const params = Object.fromEntries([dates[0]!.windowStart, ...dates.map((d) => d.date)].map((t, j) => [`b${j}`, t]));

const FIGURE_COLUMNS = [
  'i',
  'kind',
  'segment',
  'customers',
  'revenue',
  'revenue_sq',
  'repeaters',
  'prev_buyers',
  'churners',
];

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('trends SQL', () => {
  it.each(['net', 'ignore'] as const)(
    'the one pass over the transactions plans (returns %s), then every step over its tables',
    async (returns) => {
      const o = { source: 'transactions', table: 'trend state', points: 3, returns };
      await expectPlans(wb, trendStateSql(o), params);
      await wb.run(trendStateSql(o), params);
      await expectPlans(wb, trendCountsSql('trend state', 3));
      await wb.run(trendFiguresTableSql('trend figures'));
      await expectPlans(wb, trendPointSql('trend view', 'trend state', 2));
      await wb.run(trendPointSql('trend view', 'trend state', 2));
      const scored = rfmQuerySql({
        source: 'transactions',
        bins: 5,
        scoring: 'quantile',
        returns,
        excludeLater: true,
        segmentMap: standardSegmentMap(5),
        aggregate: '"trend view"',
        unordered: true,
        carry: TREND_FIGURE_COLUMNS,
      });
      await expectPlans(wb, trendRfmFiguresSql('trend figures', scored, 2), {
        asOf: dates[2]!.date,
        ...segmentParams(standardSegmentMap(5)),
      });
      await expectPlans(wb, trendTierFiguresSql('trend figures', 'trend view', 2, [0.2, 0.3]), {
        t0: 'top-20%',
        t1: 'next-30%',
        t2: 'rest-50%',
      });
      await wb.run("create or replace table segmented as select 'x' as customer_id, 'weekend' as segment");
      await expectPlans(wb, trendSegmentationFiguresSql('trend figures', 'trend view', 2, 'by0', 'segmented'), {
        missing: '(missing)',
      });
      await expectPlans(wb, trendFiguresSql('trend figures', 3));
    },
  );

  it('gives each point the churn counted at the point before (its window buyers and leavers), none past the last', async () => {
    await wb.run(trendFiguresTableSql('paired'));
    // (i, kind, segment, customers, revenue, revenue_sq, repeaters, window_buyers, leavers)
    await wb.run(`insert into paired values (0, 'rfm', 'a', 5, 10, 30, 1, 4, 3), (0, 'rfm', 'b', 2, 1, 1, 0, 0, 0),
      (0, 'rfm', 'c', 1, 0, 0, 0, 0, 0), (1, 'rfm', 'b', 3, 6, 12, 2, 3, 1), (2, 'rfm', 'b', 1, 2, 4, 1, 1, 1)`);
    const rows = await wb.query(trendFiguresSql('paired', 3));
    expect(Object.keys(rows[0]!)).toEqual(FIGURE_COLUMNS);
    // (i, segment, customers, revenue, revenue_sq, repeaters, prev_buyers, churners)
    expect(
      rows.map((r) => [r.i, r.segment, r.customers, r.revenue, r.revenue_sq, r.repeaters, r.prev_buyers, r.churners]),
    ).toEqual([
      [0, 'a', 5, 10, 30, 1, 0, 0],
      [0, 'b', 2, 1, 1, 0, 0, 0],
      [0, 'c', 1, 0, 0, 0, 0, 0],
      [1, 'a', 0, 0, 0, 0, 4, 3],
      [1, 'b', 3, 6, 12, 2, 0, 0],
      [2, 'b', 1, 2, 4, 1, 3, 1],
    ]);
  });

  it('checks what it splices into the text', () => {
    expect(() => trendBucketSql(0)).toThrow(/points/);
    expect(() => trendCountsSql('s', 61)).toThrow(/points/);
    expect(() => trendPointSql('v', 'a', 1.5)).toThrow(/point/);
    expect(() => trendSegmentationFiguresSql('f', 'v', 0, "by0' or 1=1 --", 't')).toThrow(/kind/);
    expect(() => trendFiguresSql('f', 0)).toThrow(/points/);
    expect(() => trendStateSql({ source: 't', table: 'a', points: 2, returns: 'drop' as 'net' })).toThrow(/returns/);
    expect(trendPointSql('my "view"', 'state', 0)).toContain('"my ""view"""');
    expect(trendBucketSql(2)).toBe('case when order_date < $b0 then 0 when order_date < $b1 then 1 else 2 end');
  });
});
