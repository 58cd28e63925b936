import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { compareSubsegments, type SubsegmentRow } from '../../../src/analyses/segments/subsegments.js';
import { segmentBy } from '../../../src/analyses/segments/index.js';
import { normalQuantile } from '../../../src/stats/normal.js';
import { PLANTED_CLUSTERS, generateSample, plantedNpsMean, REFERRAL_SPEND_FACTOR } from '../../../src/sample/index.js';
import { loadTransactions } from '../../../src/data/load.js';
import { loadCustomers } from '../../../src/data/customers.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');

/** Eleven customers c01..c11 with NPS scores 0..10; c<i> (i ≤ 10) spends 100·i; region N (1–4), S (5–8), none (9–11). */
async function fixture(wb: Workbench): Promise<void> {
  await wb.run(
    'create table transactions (customer_id varchar, order_id varchar, order_date timestamp, amount double, is_return boolean, source_row bigint)',
  );
  await wb.run('create table customers (customer_id varchar, region varchar, nps integer)');
  for (let i = 1; i <= 11; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    await wb.run('insert into customers values ($id, $region, $nps)', {
      id,
      region: i <= 4 ? 'N' : i <= 8 ? 'S' : null,
      nps: i - 1,
    });
    if (i <= 10)
      await wb.run('insert into transactions values ($id, $o, $d, $a, false, 0)', {
        id,
        o: `o${i}`,
        d: new Date(Date.UTC(2023, 5, i)),
        a: 100 * i,
      });
  }
}

const row = (rows: SubsegmentRow[], segment: string, sub: string): SubsegmentRow => {
  const r = rows.find((x) => x.segment === segment && x.subsegment === sub);
  if (!r) throw new Error(`no row ${segment}/${sub}`);
  return r;
};

describe('normalQuantile', () => {
  it('matches known quantiles of the standard normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 8);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 6);
  });
});

describe('compareSubsegments on a fixture with known scores', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await fixture(wb);
  });
  afterEach(() => wb.close());

  it('computes NPS the standard way (% 9–10 minus % 0–6) and its CI from the promoter/detractor shares', async () => {
    const r = await compareSubsegments(wb, { by: 'region', kpi: 'nps', minSize: 1, asOf: AS_OF });
    // scores 0..10: promoters 9, 10; passives 7, 8; detractors 0..6 → NPS = 100 · (2 − 7) / 11
    expect(r.segments).toEqual([{ segment: 'All customers', size: 11, n: 11, kpi: (100 * (2 - 7)) / 11 }]);
    const s = row(r.rows, 'All customers', 'S'); // scores 4, 5, 6, 7: 0 promoters, 3 detractors
    expect(s.kpi).toBeCloseTo(-75, 9);
    expect([s.positiveShare, s.negativeShare]).toEqual([0, 0.75]);
    // by hand: rest = scores 0–3, 8, 9, 10 (2 promoters, 4 detractors of 7); w = 4/11
    const v = (p: number, d: number, n: number) => (p + d - (p - d) ** 2) / n;
    const se = (1 - 4 / 11) * 100 * Math.sqrt(v(0, 0.75, 4) + v(2 / 7, 4 / 7, 7));
    expect(s.difference).toBeCloseTo(-75 - (100 * -5) / 11, 12);
    expect(s.ci?.[0]).toBeCloseTo(s.difference - 1.959963984540054 * se, 10);
    expect(s.ci?.[1]).toBeCloseTo(s.difference + 1.959963984540054 * se, 10);
    expect(r.kpi.method).toContain('√((p + d − (p − d)²)/n)');
  });

  it('reports sub-segments below minSize as too small, without CI, significance or rank', async () => {
    const r = await compareSubsegments(wb, { by: 'region', kpi: 'revenuePerCustomer', minSize: 4, asOf: AS_OF });
    const missing = row(r.rows, 'All customers', '(missing)');
    expect(missing).toMatchObject({ size: 3, n: 3, tooSmall: true, ci: null, significant: false, rank: null });
    expect(missing.kpi).toBeCloseTo(1900 / 3, 10);
    expect(r.rows.filter((x) => !x.tooSmall).map((x) => [x.subsegment, x.rank])).toEqual([
      ['N', 1],
      ['S', 2],
    ]);
    expect(r.warnings.join(' ')).toContain('fewer than 4 customers');
  });

  it('matches revenue per customer, AOV, repeat and churn rates computed directly', async () => {
    await wb.run("insert into transactions values ('c01', 'o1b', timestamp '2023-12-20 10:00:00', 50, false, 0)");
    const seg = await segmentBy(wb, { column: 'region' }, { asOf: AS_OF, minSize: 1 });
    const rev = await compareSubsegments(wb, {
      segment: seg,
      by: { valueTiers: true },
      kpi: 'revenuePerCustomer',
      minSize: 1,
    });
    const [direct] = await wb.query(
      `select avg(coalesce(t.rev, 0)) as v from customers c left join (select customer_id, sum(amount) rev from transactions group by 1) t using (customer_id) where region = 'N'`,
    );
    expect(rev.segments.find((s) => s.segment === 'N')?.kpi).toBeCloseTo(Number(direct?.['v']), 10);
    const aov = await compareSubsegments(wb, { segment: seg, by: 'region', kpi: 'averageOrderValue', minSize: 1 });
    expect(aov.segments.find((s) => s.segment === 'N')?.kpi).toBeCloseTo((100 + 50 + 200 + 300 + 400) / 5, 10);
    const repeat = await compareSubsegments(wb, { segment: seg, by: 'region', kpi: 'repeatRate', minSize: 1 });
    expect(repeat.segments.find((s) => s.segment === 'N')?.kpi).toBe(0.25);
    // churn 180 days before 2024-01-01: last orders in June 2023 (>180 days) churned; c01 ordered again in December
    const churn = await compareSubsegments(wb, { segment: seg, by: 'region', kpi: { churnRate: 180 }, minSize: 1 });
    expect(churn.segments.map((s) => [s.segment, s.n, s.kpi])).toEqual([
      ['N', 4, 0.75],
      ['S', 4, 1],
      ['(missing)', 2, 1],
    ]);
    expect(churn.kpi.higherIsBetter).toBe(false);
  });

  it('refuses a segmentation whose table a later segmentBy replaced', async () => {
    const byRegion = await segmentBy(wb, { column: 'region' }, { asOf: AS_OF });
    await segmentBy(wb, { valueTiers: true }, { asOf: AS_OF });
    const e = (await compareSubsegments(wb, { segment: byRegion, by: 'region', kpi: 'nps' }).catch(
      (x: unknown) => x,
    )) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toContain('Table segments no longer holds the segmentation by region');
  });

  it('rejects unknown KPIs and columns with what is available', async () => {
    const e = (await compareSubsegments(wb, { by: 'region', kpi: 'happiness' as never }).catch(
      (x: unknown) => x,
    )) as Error;
    expect(isWorkbenchError(e, 'BAD_OPTION')).toBe(true);
    expect(e.message).toContain('revenuePerCustomer, ordersPerCustomer');
    const c = (await compareSubsegments(wb, { by: 'region', kpi: { mean: 'csat' } }).catch((x: unknown) => x)) as Error;
    expect(isWorkbenchError(c, 'UNKNOWN_COLUMN')).toBe(true);
  });
});

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
function phi(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Planted NPS of a group with base mean m: scores round(m (+0.5 for VIP) + 2·N(0,1)) clipped to 0..10. */
function plantedNps(m: number): number {
  return (
    100 *
    PLANTED_CLUSTERS.reduce((acc, c) => {
      const mean = m + (c.id === 1 ? 0.5 : 0);
      return acc + c.share * (1 - phi((8.5 - mean) / 2) - phi((6.5 - mean) / 2));
    }, 0)
  );
}

describe('compareSubsegments finds the planted differences in the synthetic sample', () => {
  let wb: Workbench;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-subseg-'));
    const s = await generateSample({ customers: 10_000, seed: 11, out: join(dir, 's.csv') });
    wb = await Workbench.open();
    await loadTransactions(wb, s.transactionsFile);
    await loadCustomers(wb, s.customersFile);
  }, 120_000);
  afterAll(() => wb.close());

  const young = {
    rules: [{ name: '18-34', where: { column: 'age_band', op: 'in' as const, value: ['18-24', '25-34'] } }],
    rest: '35+',
  };

  it('young customers in large cities score a significantly lower NPS than young customers overall', async () => {
    const r = await compareSubsegments(wb, { segment: young, by: 'city_size', kpi: 'nps' });
    const large = row(r.rows, '18-34', 'large');
    expect(large.significant).toBe(true);
    expect(large.difference).toBeLessThan(0);
    expect(large.rank).toBe(1);
    expect(r.highlights[0]).toBe(large);
    // the measured NPS is within 3 standard errors of the planted one
    const se =
      100 *
      Math.sqrt(
        (large.positiveShare + large.negativeShare - (large.positiveShare - large.negativeShare) ** 2) / large.n,
      );
    expect(Math.abs(large.kpi - plantedNps(plantedNpsMean('18-24', 'large')))).toBeLessThan(3 * se);
    // 35+: no planted difference by city size
    expect(r.rows.filter((x) => x.segment === '35+').map((x) => x.significant)).toEqual([false, false, false]);
  });

  it('referral customers have a significantly higher average order value, about REFERRAL_SPEND_FACTOR times the others', async () => {
    const r = await compareSubsegments(wb, { by: 'acquisition_channel', kpi: 'averageOrderValue' });
    const ref = row(r.rows, 'All customers', 'referral');
    expect(ref.significant).toBe(true);
    expect(ref.rank).toBe(1);
    const others = r.rows.filter((x) => x.subsegment !== 'referral');
    const othersAov = others.reduce((a, x) => a + x.kpi * x.n, 0) / others.reduce((a, x) => a + x.n, 0);
    expect(ref.kpi / othersAov).toBeGreaterThan(REFERRAL_SPEND_FACTOR - 0.1);
    expect(ref.kpi / othersAov).toBeLessThan(REFERRAL_SPEND_FACTOR + 0.1);
    // and within every region
    const byRegion = await compareSubsegments(wb, {
      segment: { column: 'region' },
      by: 'acquisition_channel',
      kpi: 'averageOrderValue',
    });
    expect(byRegion.rows.filter((x) => x.subsegment === 'referral').map((x) => x.significant)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('with a Bonferroni adjustment the planted NPS gap stays significant and device finds nothing', async () => {
    const planted = await compareSubsegments(wb, { segment: young, by: 'city_size', kpi: 'nps', adjust: 'bonferroni' });
    expect(planted.options.z).toBeCloseTo(normalQuantile(1 - 0.025 / 6), 12);
    expect(row(planted.rows, '18-34', 'large').significant).toBe(true);
    let significant = 0;
    for (const kpi of ['nps', 'averageOrderValue', 'revenuePerCustomer', 'repeatRate', 'churnRate'] as const) {
      const r = await compareSubsegments(wb, {
        segment: { column: 'region' },
        by: 'device',
        kpi,
        adjust: 'bonferroni',
      });
      significant += r.rows.filter((x) => x.significant).length;
    }
    expect(significant).toBe(0);
  }, 60_000);

  it('device (planted null) mostly comes out not significant', async () => {
    let tests = 0;
    let significant = 0;
    for (const kpi of ['nps', 'averageOrderValue', 'revenuePerCustomer', 'repeatRate', 'churnRate'] as const) {
      const r = await compareSubsegments(wb, { segment: { column: 'region' }, by: 'device', kpi });
      tests += r.rows.length;
      significant += r.rows.filter((x) => x.significant).length;
    }
    expect(tests).toBe(60);
    // 5% expected by chance; seed 11 gives 5 of 60
    expect(significant / tests).toBeLessThanOrEqual(0.12);
  }, 60_000);
});
