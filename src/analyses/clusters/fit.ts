/**
 * The in-memory half of clustering: k-means on the (sampled, standardised) points with ml-kmeans,
 * restarts, silhouette and the choice of k. Pure apart from loading ml-kmeans, which is ESM-only
 * and therefore imported dynamically (a static import would stop tslab from `require()`ing us).
 *
 * Distances here are computed exactly as the SQL assignment computes them (same operations, same
 * order), so assigning in JS and in DuckDB gives the same labels.
 */
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';

/** Options of {@link fitKMeans}. */
export interface FitOptions {
  /** Seed of the first restart; restart r uses `seed + r`. */
  seed: number;
  /** Number of k-means++ starts; the one with the lowest inertia is kept. */
  restarts: number;
  /** Iterations per start. */
  maxIterations: number;
}

/** The best of several k-means runs. */
export interface KMeansFit {
  k: number;
  /** Centroids in the standardised feature space, in the order ml-kmeans returned them. */
  centroids: number[][];
  /** Nearest-centroid label (0-based) of every point. */
  labels: number[];
  /** Sum of squared distances of the points to their nearest centroid. */
  inertia: number;
  /** Which restart won (0-based). */
  restart: number;
}

/** Squared Euclidean distance, summed left to right (the SQL assignment uses the same order). */
export function squaredDistance(p: readonly number[], c: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = (p[i] as number) - (c[i] as number);
    s += d * d;
  }
  return s;
}

/** Index of the nearest centroid; on a tie the lowest index wins (as `list_position(d, list_min(d))` in SQL). */
export function nearestCentroid(p: readonly number[], centroids: readonly (readonly number[])[]): number {
  let best = 0;
  let bestD = Infinity;
  centroids.forEach((c, j) => {
    const d = squaredDistance(p, c);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return best;
}

/** Number of distinct points (identical feature vectors count once). */
export function countDistinct(points: readonly (readonly number[])[]): number {
  return new Set(points.map((p) => p.join('|'))).size;
}

/**
 * Fit k-means `restarts` times (k-means++ initialisation, seeds `seed`, `seed + 1`, …) and keep the
 * run with the lowest inertia. Runs that leave a cluster empty are discarded.
 */
export async function fitKMeans(points: readonly number[][], k: number, options: FitOptions): Promise<KMeansFit> {
  const distinct = countDistinct(points);
  if (k > distinct) {
    throw new WorkbenchError('TOO_FEW_POINTS', messages.kAboveProfiles(k, distinct, points.length), { k, distinct });
  }
  const { kmeans } = await import('ml-kmeans');
  let best: KMeansFit | undefined;
  for (let r = 0; r < options.restarts; r++) {
    const run = kmeans(points as number[][], k, { seed: options.seed + r, initialization: 'kmeans++', maxIterations: options.maxIterations });
    const centroids = run.centroids.map((c) => [...c]);
    if (centroids.some((c) => c.some((x) => !Number.isFinite(x)))) continue;
    // ml-kmeans's labels come from the centroids before its last update; relabel against the final ones.
    const labels = points.map((p) => nearestCentroid(p, centroids));
    const sizes = new Array<number>(k).fill(0);
    let inertia = 0;
    points.forEach((p, i) => {
      const l = labels[i] as number;
      sizes[l] = (sizes[l] ?? 0) + 1;
      inertia += squaredDistance(p, centroids[l] as number[]);
    });
    if (sizes.some((s) => s === 0)) continue;
    if (!best || inertia < best.inertia) best = { k, centroids, labels, inertia, restart: r };
  }
  if (!best) {
    throw new WorkbenchError('TOO_FEW_POINTS', messages.emptyClusters(k, options.restarts), { k });
  }
  return best;
}

/**
 * Mean silhouette width of the points (Euclidean distance): for each point, (b − a) / max(a, b) with
 * a = mean distance to its own cluster and b = the lowest mean distance to another cluster; points
 * alone in their cluster score 0. O(n²): pass a sample.
 */
export function silhouetteScore(points: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  const n = points.length;
  if (n < 2 || k < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] ?? 0) + 1;
  let total = 0;
  const sums = new Array<number>(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const p = points[i] as number[];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const l = labels[j] as number;
      sums[l] = (sums[l] ?? 0) + Math.sqrt(squaredDistance(p, points[j] as number[]));
    }
    const own = labels[i] as number;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) continue;
    const a = (sums[own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    }
    const m = Math.max(a, b);
    if (Number.isFinite(b) && m > 0) total += (b - a) / m;
  }
  return total / n;
}

/** One row of the k table. */
export interface KChoiceRow {
  k: number;
  /** Inertia (within-cluster sum of squares) of the best run on the search sample. */
  inertia: number;
  /** Mean silhouette on the silhouette sample. */
  silhouette: number;
}

/** The documented rule: the highest silhouette wins; on a tie (to 1e-9) the smaller k. */
export function chooseK(rows: readonly KChoiceRow[]): number {
  let best: KChoiceRow | undefined;
  for (const r of [...rows].sort((a, b) => a.k - b.k)) {
    if (!best || r.silhouette > best.silhouette + 1e-9) best = r;
  }
  if (!best) throw new WorkbenchError('BAD_OPTION', messages.noKEvaluated(), {});
  return best.k;
}
