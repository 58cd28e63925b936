/** Every cohort SQL builder, per period and cohort kind, plans against empty canonical tables (EXPLAIN, no data). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  cohortPeriodsSql,
  cohortStatsSql,
  cohortsSql,
  periodDiffSql,
  periodKeySql,
  type CohortPeriod,
  type CohortsSqlOptions,
} from '../../../src/analyses/cohorts/sql.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

const PERIODS: readonly CohortPeriod[] = ['month', 'week', 'quarter'];
const STARTS = "(select timestamp '2010-12-01' as a, timestamp '2011-03-01' as b)";
const params = { asOf: AS_OF, lastStart: new Date('2011-12-01T00:00:00Z'), lastPartial: true };

/** The cohort kinds: by first period (with and without dropping partial cells), by a transactions or a customers attribute. */
const kinds = (period: CohortPeriod): Array<[string, CohortsSqlOptions]> => {
  const o: CohortsSqlOptions = { source: 'transactions', period, returns: 'net', dropPartial: false };
  return [
    ['first period', o],
    ['first period, partial cells dropped', { ...o, dropPartial: true }],
    ['first period, returns left out', { ...o, returns: 'ignore' }],
    ['first order channel', { ...o, by: { column: 'channel', from: 'transactions', table: 'customers' } }],
    ['customer region', { ...o, by: { column: 'region', from: 'customers', table: 'customers' } }],
    ['own periods table', { ...o, periodsTable: 'my periods' }],
  ];
};

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe.each(PERIODS)('cohort SQL plans by %s', (period) => {
  it('periodDiffSql and periodKeySql', async () => {
    await expectPlans(
      wb,
      `select ${periodDiffSql(period, 'a', 'b')} as k, ${periodKeySql(period, 'a')} as key from ${STARTS}`,
    );
  });

  it.each(kinds(period))('cohortPeriodsSql, cohortsSql and cohortStatsSql: %s', async (_kind, o) => {
    await expectPlans(wb, cohortPeriodsSql(o), params);
    await wb.run(cohortPeriodsSql(o), params); // the other two read the table it makes
    await expectPlans(wb, cohortsSql(o), params);
    await expectPlans(wb, cohortStatsSql(o), params);
  });
});
