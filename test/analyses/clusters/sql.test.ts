/**
 * Every clustering SQL builder plans against empty canonical tables (EXPLAIN, no data). They form a
 * chain of working tables, so each statement is also run (on no rows) to make the table the next reads.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  assignSql,
  baseSql,
  centroidsSql,
  COMPUTED_FEATURES,
  overallSql,
  profileSql,
  renumberSql,
  sampleSql,
  standardiseSql,
  statsSql,
  type FeatureDef,
} from '../../../src/analyses/clusters/features.js';
import type { QueryParam, Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

const computed = (transform: FeatureDef['transform']): FeatureDef[] =>
  Object.keys(COMPUTED_FEATURES).map((name) => ({ name, source: 'transactions', transform }));
const FEATURE_SETS: Array<[string, FeatureDef[]]> = [
  ['every computed feature, log-scaled', computed('log1p')],
  ['every computed feature as it is', computed('none')],
  [
    'computed features and customers columns',
    [
      ...computed('log1p').slice(0, 2),
      { name: 'nps', source: 'customers', transform: 'none' },
      { name: 'company_size', source: 'customers', transform: 'none' },
    ],
  ],
];

/** `$m<i>`, `$s<i>` of the kept features, and the seed. */
function standardiseParams(kept: readonly number[]): Record<string, QueryParam> {
  const params: Record<string, QueryParam> = { seed: 42 };
  for (const i of kept) Object.assign(params, { [`m${i}`]: 1.5, [`s${i}`]: 0.5 });
  return params;
}

/** `$c<cluster>_<feature>` of k centroids in d dimensions. */
function centroidParams(k: number, d: number): Record<string, QueryParam> {
  const params: Record<string, QueryParam> = {};
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) params[`c${c}_${j}`] = c - j / 10;
  return params;
}

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('clustering SQL plans', () => {
  it.each(FEATURE_SETS)('baseSql and statsSql: %s', async (_what, features) => {
    const sql = baseSql({ source: 'transactions', customersTable: 'customers', features });
    await expectPlans(wb, sql, { asOf: AS_OF });
    await wb.run(sql, { asOf: AS_OF });
    await expectPlans(wb, statsSql(features.length));
  });

  it.each([
    ['exclude', [0, 1, 2]],
    ['mean', [0, 2]],
  ] as const)('standardiseSql (missing: %s), then the fit and assignment chain', async (missing, kept) => {
    await wb.run(
      baseSql({ source: 'transactions', customersTable: 'customers', features: computed('log1p').slice(0, 3) }),
      { asOf: AS_OF },
    );
    await expectPlans(wb, standardiseSql(kept, missing), standardiseParams(kept));
    await wb.run(standardiseSql(kept, missing), standardiseParams(kept));
    const d = kept.length;
    await expectPlans(wb, sampleSql(d), { n: 1000 });
    for (const k of [1, 2, 4]) {
      await expectPlans(wb, centroidsSql(k, d), centroidParams(k, d));
      await wb.run(centroidsSql(k, d), centroidParams(k, d));
      await expectPlans(wb, assignSql(k, d));
    }
    await wb.run(assignSql(4, d));
    await expectPlans(wb, renumberSql('clusters', [2, 1, 4, 3]));
    await expectPlans(wb, renumberSql('my clusters', [1]));
    await expectPlans(wb, profileSql(d));
    await expectPlans(wb, overallSql(d));
  });
});
