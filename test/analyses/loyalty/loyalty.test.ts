import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loyalty, type LoyaltyResult } from '../../../src/analyses/loyalty/index.js';
import { loyaltyBars } from '../../../src/analyses/loyalty/charts.js';
import { loyaltySection } from '../../../src/analyses/loyalty/section.js';
import { standardSegmentMap } from '../../../src/analyses/rfm/segment-map.js';
import type { RfmResult } from '../../../src/analyses/rfm/index.js';
import type { ClvResult } from '../../../src/analyses/clv/types.js';
import { loadTransactions } from '../../../src/data/load.js';
import { Workbench } from '../../../src/workbench.js';
import { expectRenders } from '../../helpers/charts.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';
import { AS_OF, plantLoyalty } from './fixture.js';

const counts = (r: LoyaltyResult) => Object.fromEntries(r.segments.map((s) => [s.key, s.customers]));
const asOf = new Date(`${AS_OF}T00:00:00Z`);
// Only the fields loyalty reads: the planted tables stand in for a fitted model and a scored RFM run.
const plantedRfm = {
  table: 'planted_rfm',
  options: { asOf, segmentMap: standardSegmentMap() },
} as unknown as RfmResult;
const plantedClv = { table: 'planted_clv' } as unknown as ClvResult;
const segmentOf = async (wb: Workbench, r: LoyaltyResult) =>
  Object.fromEntries(
    (await wb.query<{ customer_id: string; segment: string }>(`select customer_id, segment from ${r.table}`)).map(
      (x) => [x.customer_id, x.segment],
    ),
  );

describe('loyalty on planted rhythms', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
    await plantLoyalty(wb);
  });
  afterAll(() => wb.close());

  it('with a CLV model: P(alive) below 0.5 or an overdue order makes at-risk; CV and long gaps make switchers', async () => {
    const r = await loyalty(wb, { asOf: AS_OF, rfm: plantedRfm, clv: plantedClv });
    expect(r.options.signal).toBe('p-alive');
    expect(r.customerCount).toBe(10);
    expect(counts(r)).toEqual({ loyal: 2, 'potential-loyal': 3, switcher: 2, 'at-risk': 3 });
    expect(await segmentOf(wb, r)).toEqual({
      l1: 'loyal',
      l2: 'loyal',
      s1: 'switcher',
      s2: 'switcher',
      r1: 'at-risk',
      r2: 'at-risk',
      p3: 'at-risk',
      p1: 'potential-loyal',
      p2: 'potential-loyal',
      q1: 'potential-loyal',
    });
    expect(r.regularityJudged).toBe(5);
  });

  it('without one: the RFM segments of the at-risk and lost groups are the signal, with the same answer here', async () => {
    const r = await loyalty(wb, { asOf: AS_OF, rfm: plantedRfm });
    expect(r.options.signal).toBe('rfm');
    expect(r.options.lapsingSegments).toEqual([
      'need-attention',
      'about-to-sleep',
      'at-risk',
      'cant-lose',
      'hibernating',
    ]);
    expect(counts(r)).toEqual({ loyal: 2, 'potential-loyal': 3, switcher: 2, 'at-risk': 3 });
  });

  it('gives each segment its value, orders, retention and regularity', async () => {
    const r = await loyalty(wb, { asOf: AS_OF, rfm: plantedRfm, clv: plantedClv });
    const by = Object.fromEntries(r.segments.map((s) => [s.key, s]));
    expect(r.revenue).toBe(3600); // 36 orders; x1 has only a return, so is no customer
    expect(by['loyal']).toMatchObject({
      revenue: 1000,
      revenuePerCustomer: 500,
      ordersPerCustomer: 5,
      activeShare: 1,
      medianCycle: 22,
    });
    expect(by['loyal']?.meanCv).toBe(0);
    expect(by['loyal']?.meanPAlive).toBeCloseTo(0.97, 12);
    // r1 last ordered 246 days ago and p3 335: only r2 of the at-risk ordered in the last 90 days
    expect(by['at-risk']).toMatchObject({ customers: 3, revenue: 700, activeShare: 1 / 3 });
    expect(by['switcher']?.meanCv).toBeCloseTo((0.9117 + 0.7215) / 2, 3);
    expect(by['switcher']?.share).toBeCloseTo(0.2, 12);
  });

  it('builds a section and a chart that renders, in both languages', async () => {
    const r = await loyalty(wb, { asOf: AS_OF, rfm: plantedRfm, clv: plantedClv, minSize: 3 });
    const en = loyaltySection(r, { currency: 'GBP' });
    expect(en.findings?.[0]).toBe(
      '20% of customers are loyal (they buy again and again at a steady rhythm) and bring 28% of net revenue.',
    );
    expect(en.tables?.[1]?.rows.map((row) => row[1])).toEqual(['2 *', '3', '2 *', '3']);
    expect(en.tables?.[1]?.columns.at(-1)?.label).toBe('Mean P(alive)');
    const nl = loyaltySection(r, { locale: 'nl', currency: 'GBP' });
    expect(nl.title).toBe('Loyaliteit');
    expect(nl.tables?.[0]?.rows[0]?.[0]).toBe('Loyaal');
    const svg = await expectRenders(loyaltyBars(r, { locale: 'nl' }));
    expect(svg).toContain('Aandeel van omzet');
  });
});

describe('loyalty on the bundled Online Retail data', () => {
  let wb: Workbench;
  let r: LoyaltyResult;
  beforeAll(async () => {
    wb = await Workbench.open();
    await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
    r = await loyalty(wb);
  }, 120_000);
  afterAll(() => wb.close());

  it('puts every customer in one segment, and agrees with the rules recomputed from the orders', async () => {
    expect(r.options.asOf.toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(r.segments.reduce((a, s) => a + s.customers, 0)).toBe(r.customerCount);
    expect(r.sufficiency.ok).toBe(true);
    // Independently: customers with 3+ distinct order days before the as-of date.
    const [row] = await wb.query<{ n: number }>(
      `select count(*)::bigint as n from (select customer_id from transactions where not is_return and order_date < $a
       group by customer_id having count(distinct cast(order_date as date)) >= 3)`,
      { a: r.options.asOf },
    );
    expect(r.regularityJudged).toBe(row?.n);
    // With the RFM segment as the signal for everyone, 2,355 (54%) were at risk: regular customers on their own
    // rhythm were counted because others bought more recently. Now the RFM segment decides only without a rhythm.
    expect(counts(r)).toEqual({ loyal: 1234, 'potential-loyal': 550, switcher: 455, 'at-risk': 2099 });
    // Independently: the customers with a rhythm (2+ gaps) at risk are exactly the overdue ones.
    const [overdue] = await wb.query<{ n: number }>(
      `with d as (select distinct customer_id, cast(order_date as date) as d from transactions
         where not is_return and order_date < $a),
       g as (select customer_id, d, d - lag(d) over (partition by customer_id order by d) as gap from d),
       s as (select customer_id, count(gap) as gaps, median(gap) as cycle, cast($a as date) - max(d) as since
         from g group by customer_id)
       select count(*)::bigint as n from s where gaps >= 2 and since > 2 * cycle and since > 30`,
      { a: r.options.asOf },
    );
    const [judged] = await wb.query<{ n: number }>(
      `select count(*)::bigint as n from ${r.table} where segment = 'at-risk' and gaps >= 2`,
    );
    expect(judged?.n).toBe(overdue?.n);
  });
});
