import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { rfm, type RfmResult } from '../../../src/analyses/rfm/index.js';
import {
  rfmDistributionChart,
  rfmDistributionCharts,
  rfmHeatmap,
  rfmSegmentBars,
} from '../../../src/analyses/rfm/charts.js';
import { renderSvg } from '../../../src/charts/render.js';
import { suppressChartCounts } from '../../../src/report/small-groups.js';
import { expectRenders, expectValidSpec } from '../../helpers/charts.js';

let wb: Workbench;
let result: RfmResult;

beforeAll(async () => {
  wb = await Workbench.open();
  // 200 customers: i/4+1 orders for every 10th, one order otherwise; spend grows exponentially (skewed); one net-negative customer.
  await wb.run(`create table transactions as
    select 'c' || lpad(i::varchar, 3, '0') as customer_id, i || '-' || o as order_id,
      timestamp '2023-01-01' + to_days((i * 3 % 365 + o)::integer) as order_date,
      case when i = 10 and o = 1 then -5000.0 else round(exp(i / 30.0) * 10, 2) end as amount,
      (i = 10 and o = 1) as is_return, 0::bigint as source_row
    from range(200) t(i), range(1, 61) u(o)
    where o <= case when i % 10 = 0 then i // 4 + 1 else 1 end`);
  result = await rfm(wb);
});
afterAll(() => wb.close());

/** Cells of the heatmap's first layer (the striped fill under suppressed counts) drawn with a gradient. */
function stripedCells(svg: string): number {
  const layer = /class="mark-rect role-mark layer_0_marks"[^>]*?(?:\/>|>([\s\S]*?)<\/g>)/.exec(svg);
  return layer?.[1]?.match(/fill="url\(#/g)?.length ?? 0;
}

describe('rfm charts', () => {
  it('heatmap: one cell per R×F score with segment label and count, renders', async () => {
    const spec = rfmHeatmap(result);
    const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(values).toHaveLength(25);
    expect(values.reduce((s, v) => s + (v['customers'] as number), 0)).toBe(result.customerCount);
    expect(values.find((v) => v['r'] === 5 && v['f'] === 5)?.['segment']).toBe('Champions');
    expect(values.find((v) => v['r'] === 5 && v['f'] === 2)).toMatchObject({ line1: 'Potential', line2: 'Loyalists' });
    expect(values.find((v) => v['r'] === 1 && v['f'] === 1)).toMatchObject({ line1: '', line2: 'Hibernating' });
    const svg = await expectRenders(spec);
    expect(svg).toContain('Champions');
  });

  it('heatmap in a shared report: a cell of 1-9 customers is striped grey and reads "< 10", not blank', async () => {
    const small = result.grid.filter((c) => c.customers > 0 && c.customers < 10);
    // the fixture: 180 one-order customers and 20 with 1-50 orders, so the high-F columns hold few
    expect(small.length).toBe(8);
    for (const locale of ['en', 'nl'] as const) {
      const spec = suppressChartCounts(rfmHeatmap(result, { locale }), 10, locale);
      const values = (spec.data as { values: Array<Record<string, unknown>> }).values;
      const hidden = values.filter((v) => v['customers'] === null);
      expect(hidden.map((v) => [v['r'], v['f']])).toEqual(small.map((c) => [c.r, c.f]));
      expect(hidden.every((v) => v['customersLabel'] === '< 10')).toBe(true);
      const svg = await expectRenders(spec);
      // one "< 10" per suppressed cell, drawn over a striped (gradient) fill
      expect(svg.match(/>&lt; 10</g)).toHaveLength(small.length);
      expect(stripedCells(svg)).toBe(small.length);
    }
    // without suppression no cell is striped
    expect(stripedCells(await renderSvg(rfmHeatmap(result)))).toBe(0);
  });

  it('heatmap in Dutch, coloured by mean monetary', async () => {
    const spec = rfmHeatmap(result, { locale: 'nl', color: 'monetary' });
    expect(spec.title).toBe('Klanten per score voor recentheid en frequentie');
    expect(JSON.stringify(spec)).toContain('Recentheidsscore (R, 5 = meest recent)');
    expect(JSON.stringify(spec)).toContain(
      '"field":"meanMonetary","type":"quantitative","title":"Gemiddelde netto-omzet"',
    );
    const svg = await expectRenders(spec);
    expect(svg).toContain('Kampioenen');
  });

  it('segment bars: customer share beside revenue share for every segment, in map order', async () => {
    const spec = rfmSegmentBars(result, { locale: 'en' });
    const values = (spec.data as { values: Array<{ segment: string; measure: string; share: number }> }).values;
    expect(values).toHaveLength(2 * result.segments.length);
    expect(values.slice(0, 4).map((v) => [v.segment, v.measure])).toEqual([
      ['Champions', 'Share of customers'],
      ['Champions', 'Share of revenue'],
      ['Loyal Customers', 'Share of customers'],
      ['Loyal Customers', 'Share of revenue'],
    ]);
    const shares = values.filter((v) => v.measure === 'Share of customers').reduce((s, v) => s + v.share, 0);
    expect(shares).toBeCloseTo(1, 9);
    const svg = await expectRenders(spec);
    expect(svg).toContain('Share of revenue');
    expectValidSpec(rfmSegmentBars(result, { locale: 'nl' }));
  });

  it('distributions: log scale for skewed monetary with a note on net-negative customers; linear recency', async () => {
    expect(result.distributions.monetary.scale).toBe('log');
    const money = rfmDistributionChart(result, { metric: 'monetary' });
    expect(result.distributions.monetary.nonPositive).toBe(1);
    expect(money.title).toEqual({
      text: 'Distribution: net revenue per customer',
      subtitle: 'log scale; 1 customers with net revenue ≤ 0 not shown',
    });
    expect(JSON.stringify(money)).toContain('"scale":{"type":"log"}');
    expect(result.distributions.recency.scale).toBe('linear');
    for (const spec of rfmDistributionCharts(result, { locale: 'nl' })) await expectRenders(spec);
    const svg = await renderSvg(rfmDistributionChart(result, { metric: 'recency', locale: 'en' }));
    expect(svg).toContain('Days since last order');
  });

  it('skewed order counts: bars of equal width, one per order count, up to the 99th percentile; the tail counted in a note', async () => {
    const w = await Workbench.open();
    try {
      // 250 one-time buyers; 50 customers with 2, 4, …, 100 orders: skewed, as on a log axis "4–6" would outgrow "3"
      await w.run(`create table transactions as
        select 'c' || i as customer_id, i || '-' || o as order_id, timestamp '2023-01-01' + to_days(o::integer) as order_date,
          10.0 as amount, false as is_return, 0::bigint as source_row
        from range(300) t(i), range(1, 101) u(o) where o <= case when i < 250 then 1 else (i - 249) * 2 end`);
      const d = (await rfm(w)).distributions.frequency;
      expect(d.scale).toBe('linear');
      // 94 counts are too many for one bar each: bars of 5 counts (1–5, 6–10, …), every bar as wide as the others
      expect(d.bins.every((b) => b.end - b.start === 5)).toBe(true);
      expect(d.bins[0]).toEqual({ start: 1, end: 6, customers: 252 }); // the 250 one-time buyers and those with 2 and 4 orders
      // the 99th percentile of the 300 counts is 94 orders: the three customers with 96, 98 and 100 are beyond it
      expect(d.above).toEqual({ max: 94, customers: 3 });
      expect(d.bins.reduce((s, b) => s + b.customers, 0) + 3).toBe(300);
      const nl = rfmDistributionChart(
        { ...result, distributions: { ...result.distributions, frequency: d } },
        { metric: 'frequency', locale: 'nl' },
      );
      expect((nl.title as { subtitle: string }).subtitle).toBe('3 klanten met meer dan 94 bestellingen niet getoond');
      expect(JSON.stringify(nl)).not.toContain('"type":"log"');
      const first = (nl.data as { values: Array<Record<string, unknown>> }).values[0];
      expect(first).toMatchObject({ start: 0.5, end: 5.5, label: '1–5' });
      await expectRenders(nl);
    } finally {
      w.close();
    }
  });
});
