import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { clvBySegment } from '../../../src/analyses/clv/aggregates.js';
import { segmentValues, valueIntervals, type ValueCell, type ValueModel } from '../../../src/analyses/clv/intervals.js';
import { clvHorizon, scoringModel, valueCells } from '../../../src/analyses/clv/scoring.js';
import { bgnbdConditionalExpected } from '../../../src/analyses/clv/bgnbd.js';
import { clvTransactions } from '../../helpers/clv.js';

const MODEL: ValueModel = {
  purchases: { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  horizon: { months: 12, discountRate: 0, unitsPerYear: 365.25 / 7 },
  margin: 0.5,
};
const YEAR = 365.25 / 7;

describe('segmentValues', () => {
  it('values customers without own spend at the population mean pγ/(q − 1), others at p(γ + x m̄)/(p x + q − 1)', () => {
    const cells: ValueCell[] = [
      { key: 'A', x: 0, t_x: 0, T: 38.86, customers: 3, own: 0, monetary: 0 },
      // two customers with x = 2 and mean spends 20 and 30: Σ p(γ + 2 m̄) = p(2γ + 2·50)
      { key: 'B', x: 2, t_x: 30.43, T: 38.86, customers: 2, own: 2, monetary: 50 },
    ];
    const v = segmentValues(cells, MODEL);
    const { p, q, gamma } = MODEL.spend;
    const e0 = bgnbdConditionalExpected(MODEL.purchases.params as never, YEAR, 0, 0, 38.86);
    const e2 = bgnbdConditionalExpected(MODEL.purchases.params as never, YEAR, 2, 30.43, 38.86);
    expect(v.get('A')).toBeCloseTo(0.5 * 3 * ((p * gamma) / (q - 1)) * e0, 10);
    expect(v.get('B')).toBeCloseTo((0.5 * e2 * (p * (2 * gamma + 2 * 50))) / (2 * p + q - 1), 10);
  });
});

describe('valueIntervals', () => {
  const cells: ValueCell[] = [
    { key: 'A', x: 0, t_x: 0, T: 38.86, customers: 100, own: 0, monetary: 0 },
    { key: 'A', x: 3, t_x: 20, T: 38.86, customers: 10, own: 10, monetary: 400 },
    { key: 'B', x: 1, t_x: 10, T: 30, customers: 40, own: 40, monetary: 1000 },
  ];
  const purchaseCov = [
    [0.0027, 0.0025, 0, 0],
    [0.0025, 0.0073, 0, 0],
    [0, 0, 0.055, 0.06],
    [0, 0, 0.06, 0.085],
  ];
  const spendCov = [
    [0.036, -0.002, -0.035],
    [-0.002, 0.006, 0.004],
    [-0.035, 0.004, 0.072],
  ];

  it('is reproducible by seed and brackets the point value', () => {
    const a = valueIntervals(cells, MODEL, purchaseCov, spendCov, { draws: 300, seed: 7 });
    const b = valueIntervals(cells, MODEL, purchaseCov, spendCov, { draws: 300, seed: 7 });
    expect(a).toEqual(b);
    for (const [, iv] of a ?? []) {
      expect(iv.low).toBeLessThan(iv.value);
      expect(iv.high).toBeGreaterThan(iv.value);
    }
  });

  it('widens with the covariance and collapses onto the value as it vanishes', () => {
    const scaled = (m: number[][], f: number) => m.map((row) => row.map((v) => v * f));
    const wide = valueIntervals(cells, MODEL, scaled(purchaseCov, 4), scaled(spendCov, 4), { seed: 7 })?.get('A');
    const base = valueIntervals(cells, MODEL, purchaseCov, spendCov, { seed: 7 })?.get('A');
    const tiny = valueIntervals(cells, MODEL, scaled(purchaseCov, 1e-8), scaled(spendCov, 1e-8), { seed: 7 })?.get('A');
    if (!wide || !base || !tiny) throw new Error('no interval');
    expect(wide.high - wide.low).toBeGreaterThan(1.5 * (base.high - base.low));
    expect((tiny.high - tiny.low) / tiny.value).toBeLessThan(1e-3);
  });

  it('is null without a covariance (an estimate at a bound)', () => {
    expect(valueIntervals(cells, MODEL, null, spendCov)).toBeNull();
  });
});

describe('clv intervals on the fixture', () => {
  let wb: Workbench;
  let r: ClvResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await clvTransactions(wb);
    r = await clv(wb, { calibrationEnd: new Date('2023-06-30'), unit: 'days', discountRate: 0.1, margin: 0.4 });
  });
  afterAll(() => wb.close());

  it('the bootstrap values the table exactly as its SQL does: the point value of the cells is the CLV total', async () => {
    const cells = await valueCells(wb, r.table, 'total', null);
    const point = segmentValues(cells, {
      purchases: scoringModel(r),
      spend: r.gammaGamma,
      horizon: clvHorizon(r.options),
      margin: r.options.margin,
    });
    expect(point.get('total')).toBeCloseTo(r.totals.clv, 6);
  });

  it('gives intervals around the total, every tier and band, and every segment of another segmentation', async () => {
    expect(r.totals.low).not.toBeNull();
    expect(r.totals.low ?? NaN).toBeLessThan(r.totals.clv);
    expect(r.totals.high ?? NaN).toBeGreaterThan(r.totals.clv);
    for (const g of [...r.tiers, ...r.aliveBands].filter((x) => x.customers > 0)) {
      expect(g.low ?? NaN).toBeLessThanOrEqual(g.clv);
      expect(g.high ?? NaN).toBeGreaterThanOrEqual(g.clv);
    }
    const rows = await clvBySegment(wb, r, { table: 'seg' });
    for (const s of rows) {
      expect(s.low ?? NaN).toBeLessThan(s.clv);
      expect(s.high ?? NaN).toBeGreaterThan(s.clv);
    }
    expect((await clvBySegment(wb, { table: r.table }, { table: 'seg' }))[0]?.low).toBeNull();
  });

  it('intervalDraws: 0 leaves the intervals out', async () => {
    const none = await clv(wb, { calibrationEnd: new Date('2023-06-30'), unit: 'days', intervalDraws: 0 });
    expect(none.totals.low).toBeNull();
    expect(none.tiers.every((g) => g.low === null && g.high === null)).toBe(true);
  });
});
