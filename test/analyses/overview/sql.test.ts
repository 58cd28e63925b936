/** The overview and activity SQL builders plan against empty canonical tables (EXPLAIN, no data). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { activitySql } from '../../../src/analyses/overview/activity.js';
import { overviewSql } from '../../../src/analyses/overview/index.js';
import type { Workbench } from '../../../src/workbench.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';

let wb: Workbench;
beforeAll(async () => {
  wb = await explainWorkbench();
});
afterAll(() => wb.close());

describe('overview SQL plans', () => {
  it('overviewSql with an as-of date and without one', async () => {
    await expectPlans(wb, overviewSql(), { asOf: AS_OF, topShare: 0.2 });
    await expectPlans(wb, overviewSql(), { asOf: null, topShare: 0.2 });
  });

  it.each(['week', 'month', 'quarter'])('activitySql by %s', async (period) => {
    await expectPlans(wb, activitySql(), { period, asOf: AS_OF });
    await expectPlans(wb, activitySql(), { period, asOf: null });
  });
});
