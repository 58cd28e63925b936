import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/workbench.js';
import { loadTransactions } from '../../src/data/load.js';
import { segmentsDetail, segmentsForReport, segmentsRun } from '../../src/report/segments-input.js';
import { segmentsSection } from '../../src/report/sections/segments.js';
import { ONLINE_RETAIL, fixture } from '../helpers/data.js';

describe('segmentsForReport on Online Retail', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
  }, 120_000);
  afterAll(() => wb.close());

  it('shows value tiers, average order value by country within each tier, and half a year of RFM migration', async () => {
    const asOf = new Date('2011-12-10T00:00:00Z');
    const input = await segmentsForReport(wb, { asOf });
    // the top 20% of 4,371 customers by net revenue (returns-only customers included, at ≤ 0)
    expect(input.segments?.segments.map((s) => [s.segment, s.size])).toEqual([['Top 20%', 874], ['Next 30%', 1311], ['Rest 50%', 2186]]);
    expect(input.segments?.segments[0]?.revenueShare).toBeCloseTo(0.739, 3);
    const [check] = await wb.query(`select sum(r)::double / (select sum(amount) from transactions) as share from
      (select sum(amount) as r from transactions group by customer_id order by r desc limit 874)`);
    expect(input.segments?.segments[0]?.revenueShare).toBeCloseTo(Number(check?.['share']), 10);
    const sub = input.subsegments?.[0];
    expect(sub?.byVariable).toBe('country');
    expect(sub?.rows.filter((r) => !r.tooSmall).map((r) => `${r.segment}/${r.subsegment}`)).toContain('Top 20%/United Kingdom');
    expect(input.migration?.options.from).toEqual(new Date('2011-06-11T00:00:00Z'));
    expect(input.migration?.options.to).toEqual(asOf);
    expect(segmentsDetail(input)).toMatch(/^4,371 customers in value tiers, \d+ country sub-segments compared, [\d,]+ RFM moves$/);
    expect(segmentsRun(input).options).toMatchObject({ segments: 'value tiers (top 20%, next 30%, rest)', minSize: 30 });
    const section = segmentsSection(input, { locale: 'nl' });
    expect(section.charts?.map((c) => c.id)).toEqual(['segments-sub-1', 'segments-migration']);
    expect(section.tables?.[1]?.note).toMatch(/\d+ subsegment\(en\) met minder dan 30 klanten zijn te klein/);
  }, 60_000);

  it('gives the same numbers, to the last digit, in another workbench (sums in a fixed order)', async () => {
    const asOf = new Date('2011-12-10T00:00:00Z');
    const again = await Workbench.open();
    await loadTransactions(again, ONLINE_RETAIL, { preset: 'online-retail' });
    const [a, b] = [await segmentsForReport(wb, { asOf }), await segmentsForReport(again, { asOf })];
    again.close();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 60_000);
});

describe('segmentsForReport on a small file', () => {
  it('leaves out migration when the data does not reach back far enough; tiny countries are all too small', async () => {
    const wb = await Workbench.open();
    await loadTransactions(wb, fixture('orders-plain.csv'));
    const input = await segmentsForReport(wb, { migrationDays: 100_000 });
    expect(input.segments?.kind).toBe('valueTiers');
    expect(input.subsegments?.[0]?.rows.every((r) => r.tooSmall)).toBe(true);
    expect(input.migration).toBeUndefined();
    const section = segmentsSection(input);
    expect(section.findings).toContain('Every sub-segment by country has fewer than 30 customers: too small to compare.');
    wb.close();
  });
});
