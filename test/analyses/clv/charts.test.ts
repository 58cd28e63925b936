import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvBySegment } from '../../../src/analyses/clv/aggregates.js';
import {
  clvHoldoutChart,
  clvSegmentChart,
  clvTierChart,
  pAliveHistogramChart,
  pAliveMatrixChart,
} from '../../../src/analyses/clv/charts.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';
import { clvTransactions } from '../../helpers/clv.js';

let wb: Workbench;
let result: ClvResult;
type Values = Array<Record<string, unknown>>;
const valuesOf = (spec: { data?: unknown }) => (spec.data as { values: Values }).values;

beforeAll(async () => {
  wb = await Workbench.open();
  await clvTransactions(wb);
  result = await clv(wb, { calibrationEnd: new Date('2023-06-30'), holdoutEnd: new Date('2023-09-30'), unit: 'days' });
});
afterAll(() => wb.close());

describe('clv charts', () => {
  it('holdout check: actual and predicted per calibration x, the last group open-ended; renders in both languages', async () => {
    const spec = clvHoldoutChart(result);
    const values = valuesOf(spec);
    expect(values).toHaveLength(2 * (result.holdout?.rows.length ?? 0));
    expect(values.at(-1)).toMatchObject({ x: '7+', series: 'Predicted (BG/NBD)' });
    expect(values[0]?.['value']).toBe(result.holdout?.rows[0]?.actual);
    const svg = await expectRenders(spec);
    expect(svg).toContain('Predicted (BG/NBD)');
    expect(await expectRenders(clvHoldoutChart(result, { locale: 'nl' }))).toContain('Voorspeld');
  });

  it('holdout chart refuses a result without holdout', () => {
    const err = (() => {
      try {
        clvHoldoutChart({ ...result, holdout: null });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isWorkbenchError(err) && err.code).toBe('BAD_OPTION');
  });

  it('P(alive) histogram has ten bins summing to the customers', async () => {
    const spec = pAliveHistogramChart(result);
    expect(valuesOf(spec).reduce((s, v) => s + (v['customers'] as number), 0)).toBe(result.customers);
    await expectRenders(spec);
  });

  it('P(alive) matrix: x = 0 is alive by definition, P(alive) grows with recency at fixed x', async () => {
    const spec = pAliveMatrixChart(result, { locale: 'nl' });
    const v = valuesOf(spec) as Array<{ x: number; tx: number; pAlive: number }>;
    expect(v.filter((c) => c.x === 0).every((c) => c.pAlive === 1)).toBe(true);
    const row2 = v.filter((c) => c.x === 2).map((c) => c.pAlive);
    expect(row2.every((p, i) => i === 0 || p >= (row2[i - 1] ?? 0))).toBe(true);
    expect(await expectRenders(spec)).toContain('P(actief)');
  });

  it('tier bars and segment bars render; segment rows add up to the CLV total', async () => {
    expect(valuesOf(clvTierChart(result))).toHaveLength(8);
    await expectRenders(clvTierChart(result, { locale: 'nl' }));
    const rows = await clvBySegment(wb, result, { table: 'seg' });
    expect(rows.map((r) => r.segment).sort()).toEqual(['A', 'B']);
    expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(result.customers);
    expect(rows.reduce((s, r) => s + r.clv, 0)).toBeCloseTo(result.totals.clv, 6);
    const spec = clvSegmentChart(rows);
    expectValidSpec(spec);
    await expectRenders(spec);
  });
});
