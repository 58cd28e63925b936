import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { clv, type ClvResult } from '../../../src/analyses/clv/index.js';
import { bgnbdExpectedPurchases } from '../../../src/analyses/clv/bgnbd.js';
import { paretoNbdExpectedPurchases } from '../../../src/analyses/clv/pareto-nbd.js';
import { trackingWeeks } from '../../../src/analyses/clv/tracking.js';
import { clvTrackingChart } from '../../../src/analyses/clv/tracking-charts.js';
import { clvFindings } from '../../../src/analyses/clv/section.js';
import { expectRenders } from '../../helpers/charts.js';
import { clvTransactions } from '../../helpers/clv.js';
import { available, CDNOW_SAMPLE } from '../../helpers/data.js';

type Values = Array<Record<string, unknown>>;
const valuesOf = (layer: unknown) => ((layer as { data: { values: Values } }).data.values ?? []) as Values;

describe('trackingWeeks (pure)', () => {
  it('sums E[X(day − first day)] over first days at each week end; weekly values are the differences', () => {
    // 2 customers first bought on day 0, 1 on day 3; E[X(t)] = 0.1·t; the period runs to day 10 (week 2 has 4 days)
    const t = trackingWeeks(
      new Date('2024-01-01'),
      10,
      6,
      [
        { week: 0, n: 1 },
        { week: 1, n: 3 },
      ],
      [
        { d: 0, n: 2 },
        { d: 3, n: 1 },
      ],
      (days) => 0.1 * days,
    );
    expect(t.calibrationWeeks).toBe(1);
    expect(t.weeks.map((w) => [w.week, w.days, w.holdout, w.actual, w.cumulativeActual])).toEqual([
      [1, 7, false, 1, 1],
      [2, 4, true, 3, 4],
    ]);
    // week 1 ends on day 6: 2·0.6 + 1·0.3 = 1.5; week 2 on day 10: 2·1.0 + 1·0.7 = 2.7
    expect(t.weeks[0]?.cumulativePredicted).toBeCloseTo(1.5, 12);
    expect(t.weeks[1]?.cumulativePredicted).toBeCloseTo(2.7, 12);
    expect(t.weeks[1]?.predicted).toBeCloseTo(1.2, 12);
    expect(t.weeks[1]?.start.toISOString().slice(0, 10)).toBe('2024-01-08');
  });
});

describe('tracking on the synthetic fixture (days, calibration ends mid-week)', () => {
  let wb: Workbench;
  let r: ClvResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await clvTransactions(wb);
    r = await clv(wb, {
      calibrationEnd: new Date('2023-06-30'),
      holdoutEnd: new Date('2023-09-30'),
      unit: 'days',
      intervalDraws: 0,
    });
  });
  afterAll(() => wb.close());

  it('counts every repeat purchase day of the calibration and holdout once', async () => {
    const [s] = await wb.query<{ x: number; h: number }>(
      'select sum(x)::double as x, sum(x_holdout)::double as h from clv_summary',
    );
    const w = r.tracking.weeks;
    // 2023-01-01 … 2023-09-30 is 273 days: 39 weeks; the calibration ends on day 181 (week 26, day 6)
    expect(w).toHaveLength(39);
    expect(r.tracking.calibrationWeeks).toBeCloseTo(181 / 7, 12);
    expect(w.filter((x) => !x.holdout).length).toBe(26);
    expect(w.at(-1)?.cumulativeActual).toBe((s?.x ?? NaN) + (s?.h ?? NaN));
    expect(w.reduce((a, x) => a + x.actual, 0)).toBe(w.at(-1)?.cumulativeActual);
  });

  it('predicts at the end what E[X] gives for each customer observed to the holdout end', async () => {
    const rows = await wb.query<{ T: number }>(`select "T" from clv_summary`);
    const days = 92; // 2023-07-01 … 2023-09-30
    const expected = rows.reduce((a, c) => a + bgnbdExpectedPurchases(r.bgnbd, Number(c.T) + days), 0);
    expect(r.tracking.weeks.at(-1)?.cumulativePredicted).toBeCloseTo(expected, 8);
  });

  it('draws actual and predicted lines with the calibration end, cumulative or weekly, in both languages', async () => {
    const spec = clvTrackingChart(r);
    const layers = (spec as { layer: unknown[] }).layer;
    const lines = valuesOf(layers[0]);
    expect(lines).toHaveLength(2 * 39);
    expect(lines.at(-2)).toMatchObject({
      week: 39,
      series: 'Actual',
      value: r.tracking.weeks.at(-1)?.cumulativeActual,
    });
    expect(valuesOf(layers[1])[0]?.['week']).toBeCloseTo(181 / 7, 12);
    expect(await expectRenders(spec)).toContain('end of calibration');
    const weekly = clvTrackingChart(r, { view: 'weekly', locale: 'nl' });
    expect(valuesOf((weekly as { layer: unknown[] }).layer[0]).at(-2)?.['value']).toBe(r.tracking.weeks.at(-1)?.actual);
    expect(await expectRenders(weekly)).toContain('Herhaalaankopen in de week');
  });
});

describe.runIf(available(CDNOW_SAMPLE, 'CDNOW tracking tests'))('tracking on the CDNOW 1/10 sample (78 weeks)', () => {
  let wb: Workbench;
  let bg: ClvResult;
  let pareto: ClvResult;
  let T: number[];
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, CDNOW_SAMPLE, { preset: 'cdnow' });
    const o = { calibrationEnd: new Date('1997-09-30'), holdoutEnd: new Date('1998-06-30'), intervalDraws: 0 };
    pareto = await clv(wb, { ...o, model: 'pareto-nbd' });
    bg = await clv(wb, o);
    T = (await wb.query<{ T: number }>(`select "T" from clv_summary`)).map((c) => Number(c.T));
  }, 120_000);
  afterAll(() => wb.close());

  it('has the published actuals: 2,457 repeat purchases in weeks 1–39, 4,339 by week 78', () => {
    const w = bg.tracking.weeks;
    expect(w).toHaveLength(78);
    expect(bg.tracking.calibrationWeeks).toBe(39);
    expect(w[38]?.cumulativeActual).toBe(2457);
    expect(w[77]?.cumulativeActual).toBe(2457 + 1882);
    expect(w[0]?.actual).toBe(0);
    expect(w[1]?.actual).toBe(19);
  });

  it('predicts Σ E[X(T)] at week 39 and Σ E[X(T + 39)] at week 78, customer by customer (BG/NBD 2,494.0 and 4,160.6)', () => {
    const w = bg.tracking.weeks;
    const sum = (f: (t: number) => number) => T.reduce((a, t) => a + f(t), 0);
    expect(w[38]?.cumulativePredicted).toBeCloseTo(
      sum((t) => bgnbdExpectedPurchases(bg.bgnbd, t)),
      6,
    );
    expect(w[77]?.cumulativePredicted).toBeCloseTo(
      sum((t) => bgnbdExpectedPurchases(bg.bgnbd, t + 39)),
      6,
    );
    expect(w[38]?.cumulativePredicted).toBeCloseTo(2494.0, 1);
    expect(w[77]?.cumulativePredicted).toBeCloseTo(4160.6, 1);
    const p = pareto.paretoNbd;
    if (!p) throw new Error('no Pareto/NBD fit');
    const pw = pareto.tracking.weeks;
    expect(pw[77]?.cumulativePredicted).toBeCloseTo(
      sum((t) => paretoNbdExpectedPurchases(p, t + 39)),
      6,
    );
  });

  it('says what the holdout gap (−12%) means for trusting the numbers, in both languages', () => {
    expect(clvFindings(bg).join(' ')).toMatch(/predicted 12% fewer purchases .* cautious floor/);
    expect(clvFindings(bg, 'nl').join(' ')).toMatch(/voorspelde 12% minder aankopen .* voorzichtige ondergrens/);
  });
});
