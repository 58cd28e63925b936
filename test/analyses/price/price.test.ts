import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceCustomers, priceSensitivity, type PriceResult } from '../../../src/analyses/price/index.js';
import { priceBandsChart, priceRepeatChart, priceValueChart } from '../../../src/analyses/price/charts.js';
import { priceSection } from '../../../src/analyses/price/section.js';
import { priceBandsSql, priceCustomersSql, priceRowsSql, priceTotalsSql } from '../../../src/analyses/price/sql.js';
import { PLANTED_BEHAVIOUR } from '../../../src/sample/behaviour.js';
import { Workbench } from '../../../src/workbench.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';
import { expectRenders } from '../../helpers/charts.js';
import { AS_OF, expectPlans, explainWorkbench } from '../../helpers/explain.js';
import { rejection, transactions } from '../../helpers/fixture-tables.js';

describe('priceSensitivity on the behaviour sample', () => {
  let wb: Workbench;
  let result: PriceResult;
  let crossTab: Map<string, number>;
  beforeAll(async () => {
    ({ wb } = await behaviourSample());
    result = await priceSensitivity(wb);
    const rows = await priceCustomers(wb);
    const truth = new Map(
      (
        await wb.query<{ customer_id: string; true_price: string }>('select customer_id, true_price from customers')
      ).map((r) => [r.customer_id, r.true_price]),
    );
    crossTab = new Map();
    for (const r of rows) {
      const k = `${truth.get(r.customerId)} → ${r.segment}`;
      crossTab.set(k, (crossTab.get(k) ?? 0) + 1);
    }
  }, 120_000);
  afterAll(() => wb.close());

  it('puts every planted deal-seeker and full-price customer in their segment', () => {
    console.info(Object.fromEntries([...crossTab].sort()));
    const planted = (p: string) => [...crossTab].filter(([k]) => k.startsWith(`${p} →`)).reduce((a, [, n]) => a + n, 0);
    expect(crossTab.get('deal-seeker → deal-seeker')).toBe(planted('deal-seeker'));
    expect(crossTab.get('full-price → full-price')).toBe(planted('full-price'));
    // the planted share of deal-seekers (20%) within 2 points
    expect(Math.abs(planted('deal-seeker') / 4_000 - 0.2)).toBeLessThan(0.02);
    // a planted mixed customer buys 35% of orders on discount: with one order they land on either side
    expect(crossTab.get('mixed → mixed') ?? 0).toBeGreaterThan(0.3 * planted('mixed'));
  });

  it('every customer is in one segment; the discounted revenue share is planted by the price types', () => {
    expect(result.signals).toEqual(['discount']);
    expect(result.segments.reduce((a, s) => a + s.customers, 0)).toBe(4_000);
    expect(result.bands.reduce((a, s) => a + s.customers, 0)).toBe(4_000);
    const dealShare = result.segments.find((s) => s.key === 'deal-seeker')?.share ?? 0;
    // at least the planted deal-seekers, at most those plus every planted mixed customer
    expect(dealShare).toBeGreaterThan(PLANTED_BEHAVIOUR.prices[2]!.share - 0.02);
    expect(dealShare).toBeLessThan(0.2 + 0.3);
    expect(result.purchases.onDiscount).toBeGreaterThan(0);
    expect(result.warnings).toEqual([]);
  });

  it('charts render, in English and Dutch', async () => {
    expect(await expectRenders(priceBandsChart(result))).toContain('Deal-seekers');
    expect(await expectRenders(priceValueChart(result, { locale: 'nl' }))).toContain('Volle prijs');
    expect(await expectRenders(priceRepeatChart(result))).toContain('Repeat rate');
  });
});

describe('priceSensitivity on a small table', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await Workbench.open();
  });
  afterAll(() => wb.close());

  /** Rows: customer, order, day, amount, promo code, list price, unit price. */
  async function load(rows: ReadonlyArray<[string, string, string, number, string | null, number | null, number]>) {
    await transactions(wb, []);
    await wb.run('alter table transactions add column unit_price double');
    await wb.run('alter table transactions add column promo_code varchar');
    await wb.run('alter table transactions add column list_price double');
    for (const [i, [c, o, d, a, promo, list, unit]] of rows.entries())
      await wb.run('insert into transactions values ($c, $o, $d, $a, $r, $i, null, $unit, $promo, $list)', {
        c,
        o,
        d: new Date(`${d}T12:00:00Z`),
        a,
        r: a < 0,
        i,
        unit,
        promo,
        list,
      });
  }

  it('marks discount by promotion code or a list price above the price paid, with the documented thresholds', async () => {
    await load([
      // f: 95 full price + 5 with a code = 5% → full price
      ['f', 'f1', '2023-01-10', 95, null, 10, 10],
      ['f', 'f2', '2023-02-10', 5, 'SPRING', null, 5],
      // m: 90 full + 10 below list price = 10% → mixed (the threshold is inclusive)
      ['m', 'm1', '2023-01-10', 90, ' ', 9, 9],
      ['m', 'm2', '2023-01-11', 10, null, 12.5, 10],
      // d: 50 of 100 with a code = 50% → deal-seeker; a return does not count
      ['d', 'd1', '2023-03-10', 50, 'X', null, 50],
      ['d', 'd2', '2023-03-12', 50, null, 50.004, 50],
      ['d', 'd3', '2023-03-13', -50, null, null, 50],
    ]);
    const r = await priceSensitivity(wb, { asOf: '2023-12-01', minSize: 1 });
    expect(r.signals).toEqual(['promo_code', 'list_price']);
    expect(r.segments.map((s) => [s.key, s.customers, s.revenue])).toEqual([
      ['full-price', 1, 100],
      ['mixed', 1, 100],
      ['deal-seeker', 1, 50],
    ]);
    expect(r.purchases).toEqual({ revenue: 300, onDiscount: 65, orders: 6, discountedOrders: 3 });
    expect(r.bands.filter((b) => b.customers > 0)).toEqual([
      { band: 0, customers: 1 },
      { band: 1, customers: 1 },
      { band: 5, customers: 1 },
    ]);
    const rows = await priceCustomers(wb, { asOf: '2023-12-01' });
    expect(rows.map((x) => [x.customerId, x.segment, x.discountedShare, x.discountedOrders])).toEqual([
      ['d', 'deal-seeker', 0.5, 1],
      ['f', 'full-price', 0.05, 1],
      ['m', 'mixed', 0.1, 1],
    ]);
  });

  it('shows segments under the minimum size as too small, not as numbers', async () => {
    const r = await priceSensitivity(wb, { asOf: '2023-12-01' });
    expect(r.segments.every((s) => s.tooSmall)).toBe(true);
    const s = priceSection(r, { locale: 'nl' });
    expect(s.tables?.[1]?.rows[2]?.slice(1)).toEqual(['1', 'te klein', 'te klein', 'te klein', 'te klein', 'te klein']);
    expect(s.findings).toEqual(['22% van de aankoopomzet is met korting gekocht, in 50% van de bestellingen.']);
    expect(s.intro?.[1]).toBe(
      'Een aankoop telt als gekocht met korting bij: een actiecode of een catalogusprijs boven de betaalde prijs.',
    );
  });

  it('without a discount, promotion code or list price column says what to load', async () => {
    await transactions(wb, [['a', 'a1', '2023-01-10', 100]]);
    const e = await rejection(priceSensitivity(wb));
    expect(e.message).toMatch(/^Price segments need to know which purchases were on discount/);
    expect(e.message).toContain("mapping: { discount: '…' }");
  });
});

describe('price SQL', () => {
  it('plans against the canonical columns with each signal', async () => {
    const wb = await explainWorkbench();
    for (const signals of [['discount'], ['promo_code', 'list_price']] as const) {
      await wb.run(priceCustomersSql({ source: 'transactions', table: 'pc', signals }), { asOf: AS_OF });
      for (const sql of [priceBandsSql('pc'), priceTotalsSql('pc'), priceRowsSql('pc')]) await expectPlans(wb, sql);
    }
    wb.close();
  });
});
