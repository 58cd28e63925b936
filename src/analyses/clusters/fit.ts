/**
 * The in-memory half of clustering: k-means on the (sampled, standardised) points (greedy k-means++
 * starts from a seeded generator, Lloyd's iterations, restarts over Float64Arrays), silhouette and the
 * choice of k. Pure.
 *
 * Distances here are computed exactly as the SQL assignment computes them (same operations, same
 * order), so assigning in JS and in DuckDB gives the same labels.
 */
import { WorkbenchError } from '../../errors.js';
import { clusterMessages } from './messages.js';

/** Options of {@link fitKMeans}. */
export interface FitOptions {
  /** Seed of the first restart; restart r uses `seed + r`. */
  seed: number;
  /** Number of k-means++ starts; the one with the lowest inertia is kept. */
  restarts: number;
  /** Iterations per start. */
  maxIterations: number;
  /**
   * Stop a start once the centres move less than this share of the features' mean variance (total squared
   * shift; scikit-learn's `tol`, {@link KMEANS_TOLERANCE}). @defaultValue 0: iterate until no point changes cluster
   */
  tolerance?: number;
}

/** The best of several k-means runs. */
export interface KMeansFit {
  k: number;
  /** Centroids in the standardised feature space, in the order the run left them. */
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

/** The points as one row-major Float64Array (n × d): the loops below read it without following pointers. */
function flatten(points: readonly (readonly number[])[], d: number): Float64Array {
  const x = new Float64Array(points.length * d);
  points.forEach((p, i) => {
    for (let l = 0; l < d; l++) x[i * d + l] = p[l] as number;
  });
  return x;
}

/** Squared distance of row i of `x` to row j of `c` (d columns), summed left to right as {@link squaredDistance}. */
function rowDistance(x: Float64Array, i: number, c: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let l = 0; l < d; l++) {
    const diff = (x[i * d + l] as number) - (c[j * d + l] as number);
    s += diff * diff;
  }
  return s;
}

/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32 over the seed's 64 bits folded to 32): the
 * same seed gives the same k-means starts on every machine.
 */
export function seededRandom(seed: number): () => number {
  let a = ((seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x9e3779b1)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Greedy k-means++ starts (as scikit-learn chooses them): each new centre is the best of 2 + ⌊ln k⌋
 * candidates drawn with probability proportional to the squared distance to the nearest centre so far.
 */
function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, random: () => number): Float64Array {
  const centres = new Float64Array(k * d);
  const pick = (c: number, i: number) => {
    for (let l = 0; l < d; l++) centres[c * d + l] = x[i * d + l] as number;
  };
  pick(0, Math.min(n - 1, Math.floor(random() * n)));
  let closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = rowDistance(x, i, centres, 0, d);
  const trials = 2 + Math.floor(Math.log(k));
  let candidate = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestIndex = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      // The point where the running sum of squared distances passes a uniform draw of the total.
      const target = random() * potential;
      let index = n - 1;
      let run = 0;
      for (let i = 0; i < n; i++) {
        run += closest[i] as number;
        if (run > target && (closest[i] as number) > 0) {
          index = i;
          break;
        }
      }
      pick(c, index);
      let p = 0;
      for (let i = 0; i < n; i++) p += candidate[i] = Math.min(closest[i] as number, rowDistance(x, i, centres, c, d));
      if (p < bestPotential) {
        bestPotential = p;
        bestIndex = index;
        [best, candidate] = [candidate, best];
      }
    }
    pick(c, bestIndex);
    [closest, best] = [best, closest];
    potential = bestPotential;
  }
  return centres;
}

/** Index of the nearest centre of row i; on a tie the lowest index wins (as {@link nearestCentroid}). */
function nearestRow(x: Float64Array, i: number, centres: Float64Array, k: number, d: number): number {
  let bestJ = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    const dist = rowDistance(x, i, centres, j, d);
    if (dist < bestD) {
      bestD = dist;
      bestJ = j;
    }
  }
  return bestJ;
}

/**
 * One k-means run (Lloyd's iterations) from `centres` until no point changes cluster, the centres move less
 * than `tolerance` in total (sum of squared shifts; 0: never), or `maxIterations`. A cluster that empties takes the point farthest from its centre. Returns
 * the labels against the final centres.
 */
function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  maxIterations: number,
  tolerance: number,
): Int32Array {
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * d);
  const sizes = new Float64Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const j = nearestRow(x, i, centres, k, d);
      if (labels[i] !== j) {
        labels[i] = j;
        changed++;
      }
    }
    if (changed === 0) return labels;
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const j = labels[i] as number;
      sizes[j] = (sizes[j] as number) + 1;
      for (let l = 0; l < d; l++) sums[j * d + l] = (sums[j * d + l] as number) + (x[i * d + l] as number);
    }
    for (let j = 0; j < k; j++) {
      if (sizes[j] === 0) {
        // The point farthest from its own centre (first of equals) starts the empty cluster again.
        let far = 0;
        let farD = -1;
        for (let i = 0; i < n; i++) {
          const l = labels[i] as number;
          if ((sizes[l] as number) < 2) continue;
          const dist = rowDistance(x, i, centres, l, d);
          if (dist > farD) {
            farD = dist;
            far = i;
          }
        }
        const from = labels[far] as number;
        sizes[from] = (sizes[from] as number) - 1;
        for (let l = 0; l < d; l++) sums[from * d + l] = (sums[from * d + l] as number) - (x[far * d + l] as number);
        labels[far] = j;
        sizes[j] = 1;
        for (let l = 0; l < d; l++) sums[j * d + l] = x[far * d + l] as number;
      }
    }
    let shift = 0;
    for (let j = 0; j < k; j++) {
      for (let l = 0; l < d; l++) {
        const next = (sums[j * d + l] as number) / (sizes[j] as number);
        shift += (next - (centres[j * d + l] as number)) ** 2;
        centres[j * d + l] = next;
      }
    }
    if (tolerance > 0 && shift <= tolerance) break;
  }
  for (let i = 0; i < n; i++) labels[i] = nearestRow(x, i, centres, k, d);
  return labels;
}

/** The k search's convergence: total squared centre shift below this share of the features' mean variance (scikit-learn's default `tol`). */
export const KMEANS_TOLERANCE = 1e-4;

/** Mean over the d features of their population variance. */
function meanVariance(x: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let l = 0; l < d; l++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + l] as number;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += ((x[i * d + l] as number) - mean) ** 2;
    total += v / n;
  }
  return d > 0 ? total / d : 0;
}

/**
 * Fit k-means `restarts` times (greedy k-means++ starts from seeds `seed`, `seed + 1`, …, then Lloyd's
 * iterations) and keep the run with the lowest inertia; on equal inertia the earlier run. A run that ends
 * with an empty cluster is discarded.
 */
export async function fitKMeans(points: readonly number[][], k: number, options: FitOptions): Promise<KMeansFit> {
  const distinct = countDistinct(points);
  if (k > distinct) {
    throw new WorkbenchError('TOO_FEW_POINTS', clusterMessages.kAboveProfiles(k, distinct, points.length), {
      k,
      distinct,
    });
  }
  const n = points.length;
  const d = points[0]?.length ?? 0;
  const x = flatten(points, d);
  const tolerance = (options.tolerance ?? 0) * meanVariance(x, n, d);
  let best: KMeansFit | undefined;
  for (let r = 0; r < options.restarts; r++) {
    const centres = kmeansPlusPlus(x, n, d, k, seededRandom(options.seed + r));
    const labels = lloyd(x, n, d, k, centres, options.maxIterations, tolerance);
    const sizes = new Array<number>(k).fill(0);
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      const l = labels[i] as number;
      sizes[l] = (sizes[l] ?? 0) + 1;
      inertia += rowDistance(x, i, centres, l, d);
    }
    if (sizes.some((s) => s === 0) || !Number.isFinite(inertia)) continue;
    if (!best || inertia < best.inertia) {
      const centroids = Array.from({ length: k }, (_, j) => Array.from(centres.subarray(j * d, (j + 1) * d)));
      best = { k, centroids, labels: Array.from(labels), inertia, restart: r };
    }
  }
  if (!best) {
    throw new WorkbenchError('TOO_FEW_POINTS', clusterMessages.emptyClusters(k, options.restarts), { k });
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
  const d = points[0]?.length ?? 0;
  const x = flatten(points, d);
  const lab = Int32Array.from(labels);
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l] = (sizes[l] ?? 0) + 1;
  // sums[i·k + c]: distances of point i to the points of cluster c. Each pair is measured once and added to
  // both points; every point still receives its distances in the order of the other point's index.
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const li = lab[i] as number;
    for (let j = i + 1; j < n; j++) {
      const dist = Math.sqrt(rowDistance(x, i, x, j, d));
      const a = i * k + (lab[j] as number);
      const b = j * k + li;
      sums[a] = (sums[a] as number) + dist;
      sums[b] = (sums[b] as number) + dist;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = lab[i] as number;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) continue;
    const a = (sums[i * k + own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (sums[i * k + c] as number) / (sizes[c] as number));
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
  if (!best) throw new WorkbenchError('BAD_OPTION', clusterMessages.noKEvaluated(), {});
  return best.k;
}
