import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../../src/workbench.js';
import { isWorkbenchError } from '../../../src/errors.js';
import { clusters, type ClusterResult } from '../../../src/analyses/clusters/index.js';
import { clusterVsRfm } from '../../../src/analyses/clusters/vs-rfm.js';
import { nearestCentroid } from '../../../src/analyses/clusters/fit.js';
import { adjustedRandIndex } from '../../../src/stats/adjusted-rand.js';
import { rfm } from '../../../src/analyses/rfm/index.js';
import { generateSample } from '../../../src/sample/index.js';
import { clusterNames } from '../../../src/analyses/clusters/words.js';
import { loadTransactions } from '../../../src/data/load.js';
import { loadCustomers } from '../../../src/data/customers.js';
import { rejection, transactions, type Tx } from '../../helpers/fixture-tables.js';

const AS_OF = new Date('2024-01-01T00:00:00Z');
const FIXTURE: Tx[] = [
  ['A', 'a1', '2023-01-01', 100],
  ['A', 'a2', '2023-06-01', 50],
  ['B', 'b1', '2023-12-01', 20],
  ['C', 'c1', '2023-03-01', 500],
  ['C', 'c2', '2023-03-02', 500],
  ['C', 'c3', '2023-12-30', 500],
  ['C', 'r1', '2023-12-30', -100],
  ['D', 'd1', '2022-01-01', 10],
  ['D', 'r2', '2022-02-01', -30],
];

describe('clusters on a small fixture', () => {
  let wb: Workbench;
  beforeEach(async () => {
    wb = await Workbench.open();
    await transactions(wb, FIXTURE);
  });
  afterEach(() => wb.close());

  it('log-scales and standardises R, F and M (net monetary clipped at 0), keeping mean and sd', async () => {
    const r = await clusters(wb, { k: 2, asOf: AS_OF });
    // recency days: A 214, B 31, C 2, D 730; orders: 2, 1, 3, 1; net monetary: 150, 20, 1400, -20 → 0.
    const stats = (xs: number[]) => {
      const t = xs.map((x) => Math.log1p(Math.max(0, x)));
      const m = t.reduce((a, b) => a + b, 0) / t.length;
      return { mean: m, sd: Math.sqrt(t.reduce((a, b) => a + (b - m) ** 2, 0) / t.length) };
    };
    const expected = {
      recency: stats([214, 31, 2, 730]),
      frequency: stats([2, 1, 3, 1]),
      monetary: stats([150, 20, 1400, -20]),
    };
    expect(r.features.map((f) => f.name)).toEqual(['recency', 'frequency', 'monetary']);
    for (const f of r.features) {
      expect(f.transform).toBe('log1p');
      expect(f.mean).toBeCloseTo(expected[f.name as keyof typeof expected].mean, 9);
      expect(f.sd).toBeCloseTo(expected[f.name as keyof typeof expected].sd, 9);
    }
    expect(r.customerCount).toBe(4);
    expect(r.options).toMatchObject({
      k: 2,
      seed: 42,
      sampleSize: 50_000,
      restarts: 10,
      missing: 'exclude',
      asOf: AS_OF,
      asOfFromData: false,
    });
    expect(r.overall.means).toEqual({
      recency: (214 + 31 + 2 + 730) / 4,
      frequency: 7 / 4,
      monetary: (150 + 20 + 1400 - 20) / 4,
    });
    expect(r.profiles.map((p) => p.size).reduce((a, b) => a + b)).toBe(4);
    // cluster 1 has the highest mean revenue per customer: C (1400) is in it.
    const rows = await wb.query<{ customer_id: string; cluster: number }>(
      'select * from clusters order by customer_id',
    );
    expect(rows.find((x) => x.customer_id === 'C')?.cluster).toBe(1);
    expect(r.profiles[0]?.revenue).toBeGreaterThan(r.profiles[1]?.revenue ?? Infinity);
    // Four customers: every cluster is below the default minSize of 30.
    expect(r.options.minSize).toBe(30);
    expect(r.profiles.every((p) => p.tooSmall)).toBe(true);
  });

  it('fails clearly when k exceeds the number of distinct customers', async () => {
    const e = await rejection(clusters(wb, { k: 5, asOf: AS_OF }));
    expect(isWorkbenchError(e, 'TOO_FEW_POINTS')).toBe(true);
    expect(e.message).toContain('only 4 distinct feature profile(s)');
    expect(e.message).toContain('Choose k ≤ 4');
  });

  it('drops a constant feature with a warning, and never yields NaN', async () => {
    await wb.run(
      "create table customers as select * from (values ('A', 3, 1.5), ('B', 3, 2.5), ('C', 3, null), ('D', 3, 4.0)) t(customer_id, plan, score)",
    );
    const r = await clusters(wb, { k: 2, asOf: AS_OF, features: ['frequency', 'plan'] });
    expect(r.droppedFeatures).toEqual(['plan']);
    expect(r.features.map((f) => f.name)).toEqual(['frequency']);
    expect(r.warnings).toContain(
      'Feature "plan" has the same value for every customer; it was dropped (it cannot separate clusters).',
    );
    expect(JSON.stringify(r)).not.toContain('NaN');
    expect(r.profiles.every((p) => Object.values(p.z).every(Number.isFinite))).toBe(true);
    const e = await rejection(clusters(wb, { k: 2, asOf: AS_OF, features: ['plan'] }));
    expect(isWorkbenchError(e, 'TOO_FEW_POINTS')).toBe(true);
    expect(e.message).toContain('Every feature is constant or missing (plan)');
  });

  it('leaves out customers with a missing value, or imputes the mean on request', async () => {
    await wb.run(
      "create table customers as select * from (values ('A', 1.5), ('B', 2.5), ('C', null), ('D', 4.0)) t(customer_id, score)",
    );
    const ex = await clusters(wb, { k: 2, asOf: AS_OF, features: ['monetary', 'score'] });
    expect(ex.customerCount).toBe(3);
    expect(ex.excludedCount).toBe(1);
    expect(ex.features.find((f) => f.name === 'score')?.missing).toBe(1);
    expect(ex.warnings).toContain('1 customer(s) have no value for "score" and were left out of the clustering.');
    expect((await wb.query('select customer_id from clusters order by 1')).map((x) => x['customer_id'])).toEqual([
      'A',
      'B',
      'D',
    ]);
    const mean = await clusters(wb, { k: 2, asOf: AS_OF, features: ['monetary', 'score'], missing: 'mean' });
    expect(mean.customerCount).toBe(4);
    expect(mean.warnings).toContain('1 customer(s) have no value for "score"; the mean was used for them.');
    expect(mean.features.find((f) => f.name === 'score')?.mean).toBeCloseTo((1.5 + 2.5 + 4) / 3, 9);
  });

  it('names unknown features and lists what is available', async () => {
    await wb.run("create table customers as select 'A' as customer_id, 5 as nps, 'x' as region");
    const e = await rejection(clusters(wb, { features: ['recency', 'spend'] }));
    expect(isWorkbenchError(e, 'UNKNOWN_COLUMN')).toBe(true);
    expect(e.message).toBe(
      'Unknown feature "spend". Computed features: recency, frequency, monetary, avg_order_value, tenure_days; numeric columns of customers: nps.',
    );
    const t = await rejection(clusters(wb, { features: ['region'] }));
    expect(t.message).toContain('Feature "region" is a VARCHAR column of customers, not a number.');
  });

  it('rejects bad options', async () => {
    expect(isWorkbenchError(await rejection(clusters(wb, { k: 0 })), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(clusters(wb, { kRange: [5, 3] })), 'BAD_OPTION')).toBe(true);
    expect(isWorkbenchError(await rejection(clusters(wb, { features: [] })), 'BAD_OPTION')).toBe(true);
  });
});

describe('clusters on synthetic data with planted clusters', () => {
  let wb: Workbench;
  let auto: ClusterResult;
  const behaviour = ['frequency', 'monetary', 'avg_order_value'];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swb-clusters-'));
    const s = await generateSample({ customers: 10_000, seed: 3, out: join(dir, 's.csv') });
    wb = await Workbench.open();
    await loadTransactions(wb, s.transactionsFile);
    await loadCustomers(wb, s.customersFile);
    auto = await clusters(wb, { features: behaviour, k: 'auto', seed: 7 });
  }, 120_000);
  afterAll(() => wb.close());

  async function ari(table: string): Promise<number> {
    const rows = await wb.query<{ cluster: number; t: number }>(
      `select c.cluster, u.true_cluster as t from ${table} c join customers u using (customer_id) order by customer_id`,
    );
    return adjustedRandIndex(
      rows.map((r) => r.cluster),
      rows.map((r) => r.t),
    );
  }

  it('chooses k = 4 by silhouette and recovers the planted clusters (ARI ≥ 0.9)', async () => {
    expect(auto.k).toBe(4);
    expect(auto.kTable.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...auto.kTable.map((r) => r.silhouette));
    expect(auto.kTable.find((r) => r.k === 4)?.silhouette).toBe(best);
    expect(auto.customerCount).toBe(10_000);
    expect(auto.silhouette).toBeGreaterThan(0.7);
    expect(await ari('clusters')).toBeGreaterThanOrEqual(0.9);
    // inertia falls with k (elbow)
    const inertias = auto.kTable.map((r) => r.inertia);
    expect(inertias.every((x, i) => i === 0 || x < (inertias[i - 1] as number))).toBe(true);
  });

  it('numbers clusters by mean revenue and names them from the profile', () => {
    const means = auto.profiles.map((p) => p.revenue / p.size);
    expect([...means].sort((a, b) => b - a)).toEqual(means);
    expect(auto.profiles[0]?.nameParts).toEqual([
      { feature: 'frequency', level: 'high' },
      { feature: 'monetary', level: 'high' },
      { feature: 'avg_order_value', level: 'high' },
    ]);
    // Cluster 2 has z > 0.5 on ln(1 + orders) but a mean of 10.40 orders against 10.43 for the whole base:
    // named by its position against the base, it is "occasional", not "frequent".
    expect(clusterNames(auto.profiles, 'en')).toEqual([
      'Frequent, high spend, large orders',
      'Occasional, average spend',
      'Rare, average spend, large orders',
      'Rare, low spend, small orders',
    ]);
    expect(clusterNames(auto.profiles, 'nl')[0]).toBe('Frequent, hoge besteding, grote orders');
    expect(auto.profiles.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 9);
    expect(auto.profiles.reduce((a, p) => a + p.revenueShare, 0)).toBeCloseTo(1, 9);
  });

  it('gives identical assignments, names and order for the same data, options and seed', async () => {
    const again = await clusters(wb, { features: behaviour, k: 'auto', seed: 7, table: 'clusters_again' });
    const [diff] = await wb.query<{ n: number }>(
      'select count(*) as n from clusters a full join clusters_again b using (customer_id) where a.cluster is distinct from b.cluster',
    );
    expect(diff?.n).toBe(0);
    expect({ ...again, table: 'clusters', options: { ...again.options, table: 'clusters' } }).toEqual(auto);
  });

  it('assigns every customer in SQL exactly as nearest-centroid assignment in JS', async () => {
    const f = auto.features;
    const rows = await wb.query<{ customer_id: string; cluster: number; freq: number; monetary: number }>(`
      select c.customer_id, c.cluster, count(distinct order_id) filter (where not is_return) as freq, sum(amount) as monetary
      from clusters c join transactions t using (customer_id) group by all order by customer_id`);
    const centroids = auto.profiles.map((p) => p.centroid);
    const z = (x: number, i: number) => (Math.log1p(Math.max(0, x)) - (f[i]?.mean ?? 0)) / (f[i]?.sd ?? 1);
    let same = 0;
    for (const r of rows) {
      const point = [z(r.freq, 0), z(r.monetary, 1), z(r.monetary / r.freq, 2)];
      if (nearestCentroid(point, centroids) + 1 === r.cluster) same++;
    }
    expect(rows.length).toBe(10_000);
    expect(same).toBe(rows.length);
  });

  it('projects sampled points on two principal components', () => {
    const p = auto.projection;
    expect(p.points.length).toBe(2000);
    expect(p.explained[0]).toBeGreaterThan(p.explained[1]);
    expect(p.explained[0] + p.explained[1]).toBeLessThanOrEqual(1 + 1e-12);
    expect(Object.keys(p.points[0]?.values ?? {})).toEqual(behaviour);
    const norm = p.loadings[0].reduce((a, x) => a + x * x, 0);
    expect(norm).toBeCloseTo(1, 10);
  });

  it('fits the default log-RFM features with a given k on a sample and assigns all customers', async () => {
    const r = await clusters(wb, { k: 4, sampleSize: 4000, table: 'clusters_rfm' });
    expect(r.sampleSize).toBe(4000);
    expect(r.customerCount).toBe(10_000);
    expect(r.kTable).toEqual([{ k: 4, inertia: r.inertia, silhouette: r.silhouette }]);
    // Recency blurs regulars who churned early with occasional buyers: recovery is weaker than on behaviour features.
    expect(await ari('clusters_rfm')).toBeGreaterThan(0.7);
  });

  it('cross-tabulates clusters against RFM segments', async () => {
    const segments = await rfm(wb);
    const ct = await clusterVsRfm(wb, { rfm: segments, clusters: auto });
    expect(ct.customers).toBe(10_000);
    expect(ct.clusters).toEqual([1, 2, 3, 4]);
    expect(ct.cells.reduce((a, c) => a + c.customers, 0)).toBe(10_000);
    for (const c of ct.clusters) {
      expect(ct.cells.filter((x) => x.cluster === c).reduce((a, x) => a + x.shareOfCluster, 0)).toBeCloseTo(1, 9);
    }
    const pairs = await wb.query<{ cluster: number; segment: string }>(
      'select cluster, segment from clusters join rfm using (customer_id) order by customer_id',
    );
    expect(ct.adjustedRand).toBeCloseTo(
      adjustedRandIndex(
        pairs.map((p) => p.cluster),
        pairs.map((p) => p.segment),
      ),
      9,
    );
  });
});

describe('adjustedRandIndex', () => {
  it('matches known values', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 14);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 14);
  });
});
