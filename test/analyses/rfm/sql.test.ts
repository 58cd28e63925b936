/** Every RFM SQL builder, in each shape its options give, plans against empty canonical tables (EXPLAIN, no data). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardSegmentMap, type SegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import {
  quantileScoreSql,
  rfmQuerySql,
  rfmSql,
  segmentCaseSql,
  segmentParams,
  thresholdScoreSql,
  type RfmSqlOptions,
} from '../../../src/analyses/rfm/sql.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

/** A one-row stand-in for the per-customer CTE the score builders read. */
const CUST =
  "with cust as (select 'c1' as customer_id, 10 as recency_days, 3::bigint as frequency, 120.5::double as monetary)";
const SCORES = '(select 1 as r, 2 as f, 3 as m)';
/** A map with a monetary rule and a catch-all rule, beside the standard R×F one. */
const WITH_M: SegmentMap = {
  name: 'test',
  bins: 5,
  segments: [
    { key: 'big', loyalty: 'loyal', rules: [{ r: [4, 5], m: [4, 5] }, { f: [5, 5] }] },
    { key: 'rest', loyalty: 'lost', rules: [{}] },
  ],
};
const THRESHOLDS = { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 10], monetary: [100, 250, 500, 1000] };
const base: RfmSqlOptions = {
  source: 'transactions',
  table: 'rfm',
  bins: 5,
  scoring: 'quantile',
  returns: 'net',
  excludeLater: true,
  segmentMap: standardSegmentMap(),
};

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('RFM SQL plans', () => {
  it.each(['r', 'f', 'm'] as const)('quantileScoreSql for %s, 5 and 3 bins', async (metric) => {
    await expectPlans(wb, `${CUST} ${quantileScoreSql(metric, 5)}`);
    await expectPlans(wb, `${CUST} ${quantileScoreSql(metric, 3)}`);
  });

  it.each(['r', 'f', 'm'] as const)('thresholdScoreSql for %s', async (metric) => {
    await expectPlans(wb, `${CUST} select ${thresholdScoreSql(metric, [1, 5, 10, 50])} as score from cust`);
  });

  it.each([
    ['standard', standardSegmentMap()],
    ['with a monetary rule', WITH_M],
  ] as const)('segmentCaseSql, %s map', async (_, map) => {
    const { segment, loyalty } = segmentCaseSql(map);
    await expectPlans(wb, `select ${segment} as segment, ${loyalty} as loyalty from ${SCORES}`, segmentParams(map));
  });

  it.each([
    ['quantile scores', base],
    ['fixed thresholds', { ...base, scoring: THRESHOLDS }],
    ['returns left out', { ...base, returns: 'ignore' }],
    ['no later orders to leave out', { ...base, excludeLater: false }],
    ['both filters off', { ...base, excludeLater: false, returns: 'ignore' }],
    ['10 bins (codes with a dash)', { ...base, bins: 10, segmentMap: standardSegmentMap(10) }],
    ['a map with a monetary rule', { ...base, segmentMap: WITH_M }],
    ['other source and table names', { ...base, source: 'Trans"actions', table: 'my rfm' }],
  ] as Array<[string, RfmSqlOptions]>)('rfmSql with %s', async (_what, o) => {
    if (o.source !== 'transactions')
      await wb.run('create or replace table "Trans""actions" as select * from transactions');
    await expectPlans(wb, rfmSql(o), { asOf: AS_OF, ...segmentParams(o.segmentMap) });
  });
});

describe('rfmQuerySql carry', () => {
  const { table: _table, ...query } = base;
  const aggregated = { ...query, aggregate: 'agg', unordered: true };

  it('passes the carried columns of the aggregate through after the standard ones', async () => {
    expect(rfmQuerySql(aggregated)).toMatch(/ as loyalty\nfrom scored$/);
    expect(rfmQuerySql({ ...aggregated, carry: [] })).toBe(rfmQuerySql(aggregated));
    expect(rfmQuerySql({ ...aggregated, carry: ['window revenue', 'flag'] })).toMatch(
      / as loyalty, "window revenue", "flag"\nfrom scored$/,
    );
    await wb.run(`create or replace temp table agg as
      select * from (values ('c1', 2::bigint, 50.0::double, timestamp '2011-01-05', timestamp '2011-11-05', 7),
        ('c2', 1::bigint, 10.0::double, timestamp '2011-06-01', timestamp '2011-06-01', 9))
        t(customer_id, frequency, monetary, first_order, last_order, "window revenue")`);
    const rows = await wb.query<{ customer_id: string; 'window revenue': number }>(
      `select customer_id, "window revenue" from (${rfmQuerySql({ ...aggregated, carry: ['window revenue'] })}) order by 1`,
      { asOf: AS_OF, ...segmentParams(base.segmentMap) },
    );
    expect(rows).toEqual([
      { customer_id: 'c1', 'window revenue': 7 },
      { customer_id: 'c2', 'window revenue': 9 },
    ]);
  });

  it('carries only from an aggregate, and no column named like one of its own', () => {
    expect(() => rfmQuerySql({ ...query, carry: ['flag'] })).toThrow(/aggregate/);
    expect(() => rfmQuerySql({ ...aggregated, carry: ['Segment'] })).toThrow(/Segment/);
  });
});
