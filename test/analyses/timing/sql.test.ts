/** Every timing SQL builder plans against empty canonical tables (EXPLAIN, no data), and an odd table name is quoted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bandSql,
  hasTimesSql,
  ordersSql,
  seasonSql,
  timingCustomersSql,
  timingGridSql,
  timingSegmentsSql,
  timingTotalsSql,
} from '../../../src/analyses/timing/sql.js';
import { orderAggregateTableSql, orderDayGapsTableSql } from '../../../src/analyses/shared/customer-cache.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('timing SQL', () => {
  it.each([true, false])('plans every builder (times of day: %s)', async (hasTimes) => {
    const table = 'timing "customers"';
    await wb.run(orderAggregateTableSql('order aggregate', 'transactions'), { asOf: AS_OF });
    const orders = '"order aggregate"';
    await expectPlans(wb, orderDayGapsTableSql('order day gaps', orders));
    await wb.run(orderDayGapsTableSql('order day gaps', orders));
    const gaps = '"order day gaps"';
    await expectPlans(wb, ordersSql(orders));
    await expectPlans(wb, hasTimesSql(orders));
    await expectPlans(wb, timingCustomersSql({ orders, gaps, table }), { asOf: AS_OF, hasTimes });
    await wb.run(timingCustomersSql({ orders, gaps, table }), { asOf: AS_OF, hasTimes }); // the next two read it
    await expectPlans(wb, timingSegmentsSql(table));
    await expectPlans(wb, timingTotalsSql(table));
    await expectPlans(wb, timingGridSql(orders, hasTimes));
    expect(timingSegmentsSql(table)).toContain('"timing ""customers"""');
  });

  it('puts the season from 20 November and the bands at 6, 12 and 18 h', async () => {
    const rows = await wb.query<{ d: string; season: boolean; band: string }>(
      `select strftime(t, '%m-%d %H') as d, ${seasonSql('t')} as season, ${bandSql('hour(t)')} as band
       from (select unnest([timestamp '2011-11-19 05:59', timestamp '2011-11-20 06:00', timestamp '2011-12-31 17:59', timestamp '2012-01-01 18:00']) as t)
       order by t`,
    );
    expect(rows.map((r) => [r.d, r.season, r.band])).toEqual([
      ['11-19 05', false, 'night'],
      ['11-20 06', true, 'morning'],
      ['12-31 17', true, 'afternoon'],
      ['01-01 18', false, 'evening'],
    ]);
  });
});
