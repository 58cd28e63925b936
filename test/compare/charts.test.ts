/** The cohort chart of "What changed": a valid Vega-Lite spec that renders, with both curves' values as given. */
import { describe, expect, it } from 'vitest';
import { cohortCurvesChart, cohortEachChart, MAX_COHORT_PANELS } from '../../src/compare/charts.js';
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

  it('draws each cohort of both reports in its own panel, the latest twelve, before and now', async () => {
    const cohorts = Array.from({ length: 14 }, (_, i) => ({
      cohort: `2011-${String((i % 12) + 1).padStart(2, '0')}${i >= 12 ? 'b' : ''}`,
      sizeBefore: 100,
      sizeAfter: 100,
      before: [1, 0.2],
      after: [1, 0.2, 0.25],
    }));
    const spec = cohortEachChart({ period: 'month', before: [1], after: [1], cohorts });
    expectValidSpec(spec);
    const values = (spec.data as { values: Array<{ cohort: string; run: string }> }).values;
    expect(new Set(values.map((v) => v.cohort)).size).toBe(MAX_COHORT_PANELS);
    expect(values.some((v) => v.cohort === '2011-01')).toBe(false); // the oldest two are left out
    expect(values.filter((v) => v.cohort === '2011-03').map((v) => v.run)).toEqual([
      'Before',
      'Before',
      'Now',
      'Now',
      'Now',
    ]);
    expect(await expectRenders(spec)).toContain('<svg');
  });
});
