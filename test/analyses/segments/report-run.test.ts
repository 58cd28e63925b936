import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { loadTransactions } from '../../../src/data/load.js';
import { segmentsDetail, segmentsForReport, segmentsRun } from '../../../src/analyses/segments/report-run.js';
import type { MethodText } from '../../../src/report/sections/method.js';
import { segmentsSection } from '../../../src/analyses/segments/section.js';
import { ONLINE_RETAIL, fixture } from '../../helpers/data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../../../src/sample/index.js';
import { loadCustomers } from '../../../src/data/customers.js';

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
    // the top 20% of the 4,338 customers with a purchase (as RFM and the summary count them; the 33 with only returns are left out):
    // 867 = the customers at most 20% of whom have at least their revenue
    expect(input.segments?.segments.map((s) => [s.segment, s.size])).toEqual([
      ['top-20%', 867],
      ['next-30%', 1302],
      ['rest-50%', 2169],
    ]);
    expect(input.segments?.segments[0]?.revenueShare).toBeCloseTo(0.736, 3);
    const [check] =
      await wb.query(`with buyers as (select sum(amount) as r from transactions group by customer_id having bool_or(not is_return))
      select sum(r)::double / (select sum(r) from buyers) as share from (select r from buyers order by r desc limit 867)`);
    expect(input.segments?.segments[0]?.revenueShare).toBeCloseTo(Number(check?.['share']), 10);
    const sub = input.subsegments?.[0];
    expect(sub?.byVariable).toBe('country');
    expect(sub?.rows.filter((r) => !r.tooSmall).map((r) => `${r.segment}/${r.subsegment}`)).toContain(
      'top-20%/United Kingdom',
    );
    expect(input.migration?.options.from).toEqual(new Date('2011-06-11T00:00:00Z'));
    expect(input.migration?.options.to).toEqual(asOf);
    expect(segmentsDetail(input)).toMatch(
      /^4,338 customers in value tiers, \d+ country sub-segments compared, [\d,]+ RFM moves$/,
    );
    expect(segmentsRun(input).options).toMatchObject({
      segments: 'value tiers (top 20%, next 30%, rest)',
      minSize: 30,
    });
    const section = segmentsSection(input, { locale: 'nl' });
    expect(section.charts?.map((c) => c.id)).toEqual(['segments-sub-1', 'segments-migration']);
    expect(section.tables?.[0]?.rows.map((r) => r[0])).toEqual(['Hoogste 20%', 'Volgende 30%', 'Overige 50%']);
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
    expect(section.findings).toContain(
      'Every sub-segment by country has fewer than 30 customers: too small to compare.',
    );
    wb.close();
  });
});

describe('segmentsForReport with a customers file (synthetic sample)', () => {
  it('splits each value tier by the customer attributes, on revenue per customer and NPS, Bonferroni-adjusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-seginput-'));
    const s = await generateSample({ customers: 6000, seed: 5, out: join(dir, 's.csv') });
    const wb = await Workbench.open();
    await loadTransactions(wb, s.transactionsFile);
    await loadCustomers(wb, s.customersFile);
    const input = await segmentsForReport(wb);
    // the first three text attributes with 2–12 values, each on two KPIs; no country column in this file
    expect(input.subsegments?.map((r) => `${r.byVariable}:${r.kpi.id}`)).toEqual([
      'age_band:revenuePerCustomer',
      'age_band:nps',
      'region:revenuePerCustomer',
      'region:nps',
      'city_size:revenuePerCustomer',
      'city_size:nps',
    ]);
    expect(input.subsegments?.every((r) => r.options.adjust === 'bonferroni')).toBe(true);
    // planted: young customers in large cities score lower NPS; large cities pull NPS down within tiers
    const nps = input.subsegments?.find((r) => r.byVariable === 'city_size' && r.kpi.id === 'nps');
    const large = nps?.rows.filter((r) => r.subsegment === 'large' && !r.tooSmall) ?? [];
    expect(large.length).toBeGreaterThan(0);
    expect(large.every((r) => r.difference < 0)).toBe(true);
    expect(large.some((r) => r.significant)).toBe(true);
    expect(segmentsDetail(input)).toMatch(
      /sub-segments compared on 6 variable × KPI pairs \(age_band, region, city_size\)/,
    );
    const run = (segmentsRun(input).options as Record<string, unknown>)['subsegments'] as MethodText[];
    expect(run).toHaveLength(6);
    expect(run[1]?.methodText('en')).toMatch(/^age band within each segment: NPS .*\(Bonferroni, z = \d\.\d\d\)\)$/);
    expect(run[1]?.methodText('nl')).toMatch(/^leeftijdsgroep binnen elk segment: NPS /);
    wb.close();
  }, 120_000);
});
