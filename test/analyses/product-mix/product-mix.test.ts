import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productMix, productMixCustomers, type ProductMixResult } from '../../../src/analyses/product-mix/index.js';
import { mixPairsChart, mixProfileChart } from '../../../src/analyses/product-mix/charts.js';
import { productMixSection } from '../../../src/analyses/product-mix/section.js';
import { pairLifts } from '../../../src/analyses/product-mix/pairs.js';
import { loadCategories } from '../../../src/data/categories.js';
import { adjustedRandIndex } from '../../../src/stats/adjusted-rand.js';
import { Workbench } from '../../../src/workbench.js';
import { behaviourSample } from '../../helpers/behaviour-sample.js';
import { expectRenders } from '../../helpers/charts.js';
import { rejection, transactions } from '../../helpers/fixture-tables.js';

describe('productMix on the behaviour sample', () => {
  let wb: Workbench;
  let result: ProductMixResult;
  beforeAll(async () => {
    ({ wb } = await behaviourSample());
    result = await productMix(wb);
  }, 120_000);
  afterAll(() => wb.close());

  it('chooses four clusters named after the planted mixes', () => {
    console.info(
      result.kTable,
      result.clusters.map((c) => [c.key, c.customers]),
    );
    expect(result.options.k).toBe(4);
    expect(result.clusters.map((c) => c.key).sort()).toEqual([
      'mixed',
      'mostly:Books',
      'mostly:Fashion',
      'mostly:Garden',
    ]);
  });

  it('recovers the planted mixes (adjusted Rand index ≥ 0.8 on customers with 10 or more lines)', async () => {
    const rows = await productMixCustomers(wb);
    const truth = new Map(
      (await wb.query<{ customer_id: string; true_mix: string }>('select customer_id, true_mix from customers')).map(
        (r) => [r.customer_id, r.true_mix],
      ),
    );
    const many = rows.filter((r) => r.lines >= 10);
    const ari = adjustedRandIndex(
      many.map((r) => r.segment),
      many.map((r) => truth.get(r.customerId) ?? ''),
    );
    console.info(`product-mix ARI on ${many.length} customers with 10+ lines: ${ari.toFixed(3)}`);
    expect(ari).toBeGreaterThanOrEqual(0.8);
    expect(rows.length).toBe(result.customerCount);
    expect(rows.filter((r) => r.segment === 'few-lines').length).toBe(result.fewLines);
  });

  it('finds Books and Toys bought together beyond chance, the top pair of 4 of 15, and Garden with Fashion or Books not', () => {
    const pair = (a: string, b: string) => result.pairs.find((p) => [p.a, p.b].sort().join() === [a, b].sort().join());
    const top = pair('Books', 'Toys');
    console.info(
      result.pairs
        .map((p) => `${p.a}+${p.b} ${p.lift.toFixed(2)} [${p.low.toFixed(2)}, ${p.high.toFixed(2)}]`)
        .join('\n'),
    );
    // Against customers of the same breadth the planted pair is the top one (lift 1.16 [1.13, 1.20]). The other
    // three follow from the planted mixes' second categories: Garden buyers' lines are 8% Home and 4% Kitchen
    // against 2% Toys or Books, Fashion buyers' 4% Home against 2% Garden or Books (lower bounds 1.00–1.05).
    // Plain lift called 14 of the 15 pairs beyond chance.
    expect(result.pairs[0]).toMatchObject({ a: 'Books', b: 'Toys', together: true });
    expect(top?.lift).toBeGreaterThan(1.1);
    expect(result.pairs.filter((p) => p.together).map((p) => `${p.a}+${p.b}`)).toEqual([
      'Books+Toys',
      'Garden+Home',
      'Fashion+Home',
      'Garden+Kitchen',
    ]);
    expect(pair('Fashion', 'Garden')?.together).toBe(false);
    expect(pair('Books', 'Garden')?.together).toBe(false);
  });

  it('charts render, in English and Dutch', async () => {
    expect(await expectRenders(mixProfileChart(result))).toContain('Books');
    expect(await expectRenders(mixPairsChart(result, { locale: 'nl' }))).toContain('Books');
    const s = productMixSection(result, { locale: 'nl' });
    expect(s.title).toBe('Productmix');
  });
});

describe('productMix on small tables', () => {
  let wb: Workbench;
  let dir: string;
  beforeAll(async () => {
    wb = await Workbench.open();
    dir = mkdtempSync(join(tmpdir(), 'swb-mix-'));
  });
  afterAll(() => wb.close());

  it('without categories says what is needed', async () => {
    await transactions(wb, [['a', 'a1', '2023-01-10', 100]]);
    const e = await rejection(productMix(wb));
    expect(e.message).toMatch(/^Product-mix segments need a product category per order line/);
    expect(e.message).toContain('--categories FILE');
  });

  it('a mapping file: errors name the file, the row and the column', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'StockCode,Category\nP1,Books\nP2,\n');
    expect((await rejection(loadCategories(wb, bad))).message).toBe(
      `${bad}, row 3: column Category is empty. Give every row a product and a category, or remove the row.`,
    );
    const two = join(dir, 'two.csv');
    writeFileSync(two, 'product,category\nP1,Books\nP2,Toys\nP1,Toys\n');
    expect((await rejection(loadCategories(wb, two))).message).toBe(
      `${two}, rows 2 and 4: product "P1" has two categories in column category ("Books" and "Toys"). Give each product one category.`,
    );
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'product,group_name\nP1,Books\n');
    expect((await rejection(loadCategories(wb, none))).message).toMatch(
      /^No category column in .*none\.csv \(columns: product, group_name\)/,
    );
  });

  it('a mapping file gives the categories by product id', async () => {
    const file = join(dir, 'cats.csv');
    writeFileSync(file, 'product,category\nP1,Books\nP2,Toys\nP3,Garden\n');
    const report = await loadCategories(wb, file);
    expect(report).toMatchObject({ products: 3, categories: 3 });
    await transactions(wb, []);
    await wb.run('alter table transactions add column product_id varchar');
    const rows: Array<[string, string, number]> = [];
    for (const c of ['a', 'b', 'c', 'd']) rows.push([c, 'P1', 10], [c, 'P2', 10], [c, 'P1', 10]);
    for (const c of ['e', 'f', 'g']) rows.push([c, 'P3', 10], [c, 'P3', 20], [c, 'P1', 5]);
    rows.push(['h', 'P9', 10]);
    for (const [i, [c, p, a]] of rows.entries())
      await wb.run("insert into transactions values ($c, $o, timestamp '2023-03-01 12:00', $a, false, $i, null, $p)", {
        c,
        o: `${c}${i}`,
        a,
        i,
        p,
      });
    const r = await productMix(wb, { asOf: '2023-06-01', k: 2, minSize: 1, categories: 'product_categories' });
    expect(r.categories.map((c) => [c.name, c.spend])).toEqual([
      ['Books', 95],
      ['Garden', 90],
      ['Toys', 40],
    ]);
    expect(r.clusters.map((c) => [c.key, c.customers])).toEqual([
      ['mostly:Books', 4],
      ['mostly:Garden', 3],
    ]);
    expect(r.clusters[0]?.profile.map((x) => Math.round(x * 1000) / 1000)).toEqual([0.667, 0, 0.333]);
    // h bought only an unmapped product: no category
    expect(r.customerCount).toBe(7);
    expect(r.coverage).toEqual({ rows: 22, withCategory: 21, revenue: 235, withCategoryRevenue: 225 });
  });
});

describe('pairLifts', () => {
  // four categories a, b, c, d (bits 0–3): 100 customers of each alone, 50 of each of the six pairs, 200 of all four
  const pairsOf4 = [0b0011, 0b0101, 0b1001, 0b0110, 0b1010, 0b1100];
  const base = [
    ...[0b0001, 0b0010, 0b0100, 0b1000].map((mask) => ({ mask, customers: 100 })),
    ...pairsOf4.map((mask) => ({ mask, customers: 50 })),
    { mask: 0b1111, customers: 200 },
  ];

  it('customers who buy in every category lift no pair: lift 1 where plain lift says 1.36', () => {
    const lifts = pairLifts(base, 4, { replicates: 400, seed: 1 });
    // each pair: 200 broad customers + 50 of the pair = 250 bought both, and 250 expected
    for (const p of lifts) {
      expect([p.customersBoth, p.expected]).toEqual([250, 250]);
      expect(p.lift).toBeCloseTo(1, 12);
      expect(p.low).toBeLessThan(1);
      expect(p.high).toBeGreaterThan(1);
    }
    // plain lift, P(both) / (P(a) P(b)) over the 1,100 customers: 250 · 1100 / 450² = 1.36 — "beyond chance" for every pair
    const [ab] = lifts;
    expect((ab!.customersBoth * 1100) / (ab!.customersA * ab!.customersB)).toBeCloseTo(1.358, 3);
    expect(pairLifts(base, 4, { replicates: 400, seed: 1 })).toEqual(pairLifts(base, 4, { replicates: 400, seed: 1 }));
  });

  it('a planted pair stands out against the customers of its own breadth', () => {
    const planted = [...base, { mask: 0b0011, customers: 150 }];
    const lifts = pairLifts(planted, 4, { replicates: 400, seed: 1 });
    const ab = lifts[0]!;
    // breadth 2: 450 customers and pairs; d(a) = d(b) = 150 + 150 = 300, d(c) = d(d) = 150;
    // expected = 200 + 450 · 2 · 300 · 300 / (900² − 2 · 300² − 2 · 150²) = 200 + 81,000,000 / 585,000
    expect(ab.customersBoth).toBe(400);
    expect(ab.expected).toBeCloseTo(200 + 81_000_000 / 585_000, 9);
    expect(ab.lift).toBeCloseTo(400 / (200 + 81_000_000 / 585_000), 12);
    expect(ab.low).toBeGreaterThan(1);
    expect(Math.max(...lifts.slice(1).map((p) => p.lift))).toBeLessThan(ab.lift);
    // a or b with c or d: below chance (the planted pair takes the basket pairs they had)
    const mixed = lifts.filter((p) => p.a < 2 !== p.b < 2);
    expect(mixed.map((p) => p.lift)).toEqual(Array(4).fill(mixed[0]!.lift));
    expect(mixed.every((p) => p.high < 1)).toBe(true);
  });
});
