import { describe, expect, it } from 'vitest';
import {
  fitKMeans,
  nearestCentroid,
  seededRandom,
  silhouetteScore,
  squaredDistance,
} from '../../../src/analyses/clusters/fit.js';
import { clusters } from '../../../src/analyses/clusters/index.js';
import { loadTransactions } from '../../../src/data/load.js';
import { Workbench } from '../../../src/workbench.js';
import { ONLINE_RETAIL } from '../../helpers/data.js';

/** Points around the given centres, `per` each, with a seeded jitter of ±0.5. */
function blobs(centres: number[][], per: number, seed = 1): number[][] {
  const random = seededRandom(seed);
  return centres.flatMap((c) => Array.from({ length: per }, () => c.map((x) => x + random() - 0.5)));
}

/** The silhouette straight from its definition, for comparison. */
function silhouetteByDefinition(points: number[][], labels: number[], k: number): number {
  let total = 0;
  points.forEach((p, i) => {
    const mean = (c: number) => {
      const others = points.filter((_, j) => j !== i && labels[j] === c);
      return others.length ? others.reduce((a, q) => a + Math.sqrt(squaredDistance(p, q)), 0) / others.length : NaN;
    };
    if (points.filter((_, j) => labels[j] === labels[i]).length <= 1) return;
    const a = mean(labels[i]!);
    const b = Math.min(
      ...Array.from({ length: k }, (_, c) => c)
        .filter((c) => c !== labels[i])
        .map(mean)
        .filter(Number.isFinite),
    );
    total += (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

describe('k-means', () => {
  it('seededRandom: the same seed gives the same numbers in [0, 1); another seed others', () => {
    const a = Array.from({ length: 1000 }, seededRandom(42));
    expect(Array.from({ length: 1000 }, seededRandom(42))).toEqual(a);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(a.slice(0, 5));
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(a.reduce((s, x) => s + x, 0) / a.length - 0.5)).toBeLessThan(0.03);
    expect(Array.from({ length: 3 }, seededRandom(2 ** 40))).not.toEqual(Array.from({ length: 3 }, seededRandom(0)));
  });

  it('finds planted centres: each blob one cluster, centroids at the blob means, inertia the sum of squares around them', async () => {
    const centres = [
      [0, 0],
      [10, 0],
      [0, 10],
      [10, 10],
    ];
    const points = blobs(centres, 200);
    const fit = await fitKMeans(points, 4, { seed: 42, restarts: 10, maxIterations: 100 });
    for (let b = 0; b < 4; b++) {
      const labels = new Set(fit.labels.slice(b * 200, (b + 1) * 200));
      expect(labels.size).toBe(1);
      const own = fit.centroids[[...labels][0]!]!;
      const mean = [0, 1].map((l) => points.slice(b * 200, (b + 1) * 200).reduce((a, p) => a + p[l]!, 0) / 200);
      expect(own[0]).toBeCloseTo(mean[0]!, 10);
      expect(own[1]).toBeCloseTo(mean[1]!, 10);
    }
    const inertia = points.reduce((a, p, i) => a + squaredDistance(p, fit.centroids[fit.labels[i]!]!), 0);
    expect(fit.inertia).toBeCloseTo(inertia, 9);
    // Every label is the nearest centroid, as the SQL assignment will find it.
    expect(points.every((p, i) => nearestCentroid(p, fit.centroids) === fit.labels[i])).toBe(true);
  });

  it('is deterministic for a seed, and more restarts never end worse', async () => {
    const points = blobs(
      [
        [0, 0, 0],
        [3, 1, 0],
        [1, 4, 2],
        [5, 5, 5],
        [2, 2, 8],
      ],
      150,
      7,
    );
    const a = await fitKMeans(points, 5, { seed: 3, restarts: 1, maxIterations: 100 });
    expect(await fitKMeans(points, 5, { seed: 3, restarts: 1, maxIterations: 100 })).toEqual(a);
    const more = await fitKMeans(points, 5, { seed: 3, restarts: 10, maxIterations: 100 });
    expect(more.inertia).toBeLessThanOrEqual(a.inertia);
  });

  it('silhouetteScore equals the definition computed pair by pair', () => {
    const points = blobs(
      [
        [0, 0],
        [2, 1],
        [1, 3],
      ],
      40,
      5,
    );
    const labels = points.map((p) => (p[1]! > 2 ? 2 : p[0]! > 1 ? 1 : 0));
    expect(silhouetteScore(points, labels, 3)).toBeCloseTo(silhouetteByDefinition(points, labels, 3), 12);
    // a point alone in its cluster scores 0
    expect(silhouetteScore([[0], [1], [1.1]], [0, 1, 1], 2)).toBeCloseTo(
      silhouetteByDefinition([[0], [1], [1.1]], [0, 1, 1], 2),
      12,
    );
  });
});

describe('k-means on Online Retail (bundled) against scikit-learn', () => {
  it('the k = 2 fit on all 4,338 customers reaches an inertia at or below KMeans(n_init=10) on the same standardised points', async () => {
    const wb = await Workbench.open();
    try {
      await loadTransactions(wb, ONLINE_RETAIL, { preset: 'online-retail' });
      const r = await clusters(wb, { k: 2 });
      expect(r.customerCount).toBe(4338);
      // scikit-learn 1.2, KMeans(2, n_init=10, random_state=0) on the same 4,338 × 3 standardised features: 6619.5366
      expect(r.kTable[0]!.inertia).toBeLessThanOrEqual(6619.5366);
      expect(r.kTable[0]!.inertia).toBeGreaterThan(6619.5);
      expect(r.profiles.map((p) => p.size)).toEqual([1684, 2654]);
    } finally {
      wb.close();
    }
  }, 60_000);
});
