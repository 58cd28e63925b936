/** The cohort chart of "What changed": a valid Vega-Lite spec that renders, with both curves' values as given. */
import { describe, expect, it } from 'vitest';
import { cohortCurvesChart } from '../../src/compare/charts.js';
import { expectRenders, expectValidSpec } from '../helpers/charts.js';

describe('cohortCurvesChart', () => {
  it('draws the previous and the current average retention, period by period', async () => {
    const spec = cohortCurvesChart(
      { period: 'month', before: [1, 0.188, 0.214], after: [1, 0.199, 0.225, 0.227], cohorts: [] },
      { locale: 'nl' },
    );
    expectValidSpec(spec);
    const values = (spec.data as { values: Array<{ run: string; period: number; retention: number }> }).values;
    expect(values.filter((v) => v.run === 'Eerst').map((v) => v.retention)).toEqual([1, 0.188, 0.214]);
    expect(values.filter((v) => v.run === 'Nu').map((v) => [v.period, v.retention])).toEqual([
      [0, 1],
      [1, 0.199],
      [2, 0.225],
      [3, 0.227],
    ]);
    expect(await expectRenders(spec)).toContain('<svg');
  });
});
