/** segmentChurnChart on the hand-made subscriptions (fixture.ts): one line per plan with its Wilson band, the small plan left out. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { mrrMovements, type MrrMovementsResult } from '../../../src/analyses/subscriptions/index.js';
import { segmentChurnChart } from '../../../src/analyses/subscriptions/charts.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { SUBS, subscriptions } from './fixture.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: object): Values => (spec as { data: { values: Values } }).data.values;

let wb: Workbench;
let byPlan: MrrMovementsResult;
beforeAll(async () => {
  wb = await Workbench.open();
  await subscriptions(wb, SUBS);
  byPlan = await mrrMovements(wb, { by: 'plan', minSize: 1 });
});
afterAll(() => wb.close());

it('draws each month’s churn per plan with its 95% band, months without anyone at risk and too-small plans left out', async () => {
  const spec = segmentChurnChart(byPlan, { byLabel: 'plan' });
  expectValidSpec(spec);
  const pro = valuesOf(spec).filter((v) => v.segment === 'Pro');
  expect(pro.map((v) => [v.month, v.churned, v.customers])).toEqual([
    ['Feb 2024', 0, 2],
    ['Mar 2024', 1, 3],
    ['Apr 2024', 0, 2],
  ]);
  expect(pro[1]?.rate).toBeCloseTo(1 / 3, 12);
  expect(pro[1]?.low).toBeCloseTo(0.06149, 5);
  expect(valuesOf(spec).some((v) => v.segment === 'Starter')).toBe(false);
  expect(JSON.stringify((spec as { title: unknown }).title)).toContain('too few customers to show: Starter');
  await expectRenders(spec);
});

it('speaks Dutch, and refuses a result without segments', async () => {
  const spec = segmentChurnChart(byPlan, { locale: 'nl', byLabel: 'abonnement' });
  expect(JSON.stringify((spec as { title: unknown }).title)).toContain('Klantverloop per abonnement, maand voor maand');
  const plain = await mrrMovements(wb);
  expect(() => segmentChurnChart(plain)).toThrow('needs a result of mrrMovements with by');
});
