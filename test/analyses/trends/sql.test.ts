/** Every trends SQL builder plans against empty canonical tables (EXPLAIN, no data), and splices only checked values. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  trendAggregateSql,
  trendDatesSql,
  trendFiguresSql,
  trendMembersTableSql,
  trendPointViewSql,
  trendRfmMembersSql,
  trendTierMembersSql,
} from '../../../src/analyses/trends/sql.js';
import { trendDates } from '../../../src/analyses/trends/index.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

const dates = trendDates(AS_OF, 'month', 3);
const params = Object.fromEntries(
  dates.flatMap((d, i) => [
    [`d${i}`, d.date],
    [`w${i}`, d.windowStart],
  ]),
);

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('trends SQL', () => {
  it.each(['net', 'ignore'] as const)(
    'the one pass over the transactions plans (returns %s), then every step over its tables',
    async (returns) => {
      await expectPlans(wb, trendDatesSql(3), params);
      const o = { source: 'transactions', table: 'trend agg', points: 3, returns };
      await expectPlans(wb, trendAggregateSql(o), params);
      await wb.run(trendAggregateSql(o), params);
      await wb.run(trendMembersTableSql('trend members'));
      await expectPlans(wb, trendPointViewSql('trend view', 'trend agg', 2));
      await wb.run(trendPointViewSql('trend view', 'trend agg', 2));
      await wb.run("create or replace table scored as select 'x' as customer_id, 'champions' as segment");
      await expectPlans(wb, trendRfmMembersSql('trend members', 'scored', 2));
      await expectPlans(wb, trendTierMembersSql('trend members', 'trend view', 2, [0.2, 0.3]), {
        t0: 'top-20%',
        t1: 'next-30%',
        t2: 'rest-50%',
      });
      await expectPlans(wb, trendFiguresSql('trend members', 'trend agg'));
    },
  );

  it('checks what it splices into the text', () => {
    expect(() => trendDatesSql(0)).toThrow(/points/);
    expect(() => trendPointViewSql('v', 'a', 1.5)).toThrow(/point/);
    expect(() => trendAggregateSql({ source: 't', table: 'a', points: 2, returns: 'drop' as 'net' })).toThrow(
      /returns/,
    );
    expect(trendPointViewSql('my "view"', 'agg', 0)).toContain('"my ""view"""');
  });
});
