/** The CLV SQL builders (calibration summary, per-customer table) plan against empty canonical tables (EXPLAIN, no data). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { clvTableSql } from '../../../src/analyses/clv/index.js';
import { clvSummarySql } from '../../../src/analyses/clv/summary.js';
import type { ClvOptionsUsed } from '../../../src/analyses/clv/types.js';
import type { Workbench } from '../../../src/workbench.js';
import { expectPlans, explainWorkbench } from '../../helpers/explain.js';

const calEnd = new Date('2011-09-30T00:00:00Z');
const holdEnd = new Date('2011-12-09T00:00:00Z');
const OPTIONS: ClvOptionsUsed = {
  calibrationEnd: calEnd,
  calibrationEndFromData: false,
  holdoutEnd: holdEnd,
  unit: 'weeks',
  model: 'bg-nbd',
  compareModels: false,
  intervalDraws: 200,
  seed: 29,
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 1,
  aliveBands: [0.3, 0.7],
  tierShares: [0.1, 0.3, 0.6],
  fitSample: 10_000,
  source: 'transactions',
  table: 'clv',
  summaryTable: 'clv_summary',
  minimums: {},
};
const TABLE_PARAMS = { p: 2.1, q: 3.4, gg: 12.5, margin: 0.3, b1: 0.3, b2: 0.7, s1: 0.1, s2: 0.3, s3: 0.6 };

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
  await wb.run(
    `create table clv_groups (g bigint, p_alive double, expected double, discounted double, holdout double)`,
  );
});
afterAll(() => wb.close());

describe('CLV SQL plans', () => {
  it.each([
    ['with a holdout, in weeks', holdEnd, 7],
    ['without a holdout, in days', calEnd, 1],
  ] as const)('clvSummarySql %s', async (_what, end, perUnit) => {
    await expectPlans(wb, clvSummarySql('transactions', 'clv_summary'), { calEnd, holdEnd: end, perUnit });
    await expectPlans(wb, clvSummarySql('transactions', 'my summary'), { calEnd, holdEnd: end, perUnit });
  });

  it('clvTableSql over the summary and the group predictions', async () => {
    await wb.run(clvSummarySql('transactions', 'clv_summary'), { calEnd, holdEnd, perUnit: 7 });
    await expectPlans(wb, clvTableSql(OPTIONS, 'clv_summary', 'clv_groups'), TABLE_PARAMS);
    await expectPlans(wb, clvTableSql({ ...OPTIONS, table: 'my clv' }, 'clv_summary', 'clv_groups'), TABLE_PARAMS);
  });
});
