/**
 * Draws from a multivariate normal N(mean, Σ) given a uniform source, for parametric bootstraps:
 * z ~ N(0, I) by Box–Muller, x = mean + L z with L the Cholesky factor of Σ. The uniform source is
 * passed in (a seeded generator), so the draws are reproducible.
 */
import { cholesky } from './hessian.js';

/** One standard normal draw from a uniform source in [0, 1) (Box–Muller, cosine branch). */
export function standardNormal(uniform: () => number): number {
  const u1 = 1 - uniform(); // in (0, 1]: log is finite
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A sampler of N(mean, covariance); coordinates with zero variance (and zero covariances) stay at their
 * mean. Null when the covariance of the others is not positive definite.
 * @example const draw = multivariateNormal([0, 0], [[1, 0.5], [0.5, 1]]); const x = draw(() => rng.next());
 */
export function multivariateNormal(
  mean: readonly number[],
  covariance: readonly (readonly number[])[],
): ((uniform: () => number) => number[]) | null {
  const free = mean.map((_, i) => i).filter((i) => (covariance[i] ?? []).some((v) => v !== 0));
  const L = cholesky(free.map((i) => free.map((j) => covariance[i]?.[j] ?? NaN)));
  if (!L) return null;
  return (uniform) => {
    const z = free.map(() => standardNormal(uniform));
    const x = mean.slice();
    free.forEach((i, a) => {
      let s = mean[i] ?? 0;
      for (let k = 0; k <= a; k++) s += (L[a]?.[k] ?? 0) * (z[k] ?? 0);
      x[i] = s;
    });
    return x;
  };
}

/**
 * {@link multivariateNormal} that also returns each draw's log-density up to a constant (−½ |z|²), for
 * importance weights against it.
 */
export function multivariateNormalWithDensity(
  mean: readonly number[],
  covariance: readonly (readonly number[])[],
): ((uniform: () => number) => { x: number[]; logDensity: number }) | null {
  const free = mean.map((_, i) => i).filter((i) => (covariance[i] ?? []).some((v) => v !== 0));
  const L = cholesky(free.map((i) => free.map((j) => covariance[i]?.[j] ?? NaN)));
  if (!L) return null;
  return (uniform) => {
    const z = free.map(() => standardNormal(uniform));
    const x = mean.slice();
    free.forEach((i, a) => {
      let s = mean[i] ?? 0;
      for (let k = 0; k <= a; k++) s += (L[a]?.[k] ?? 0) * (z[k] ?? 0);
      x[i] = s;
    });
    return { x, logDensity: -0.5 * z.reduce((t, v) => t + v * v, 0) };
  };
}

/** The q-quantile of values with weights (≥ 0, NaN values left out): the smallest value whose cumulative weight share reaches q. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const pairs = values.map((v, i) => [v, weights[i] ?? 0] as const).filter(([v, w]) => !Number.isNaN(v) && w > 0);
  if (pairs.length === 0) return NaN;
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((t, [, w]) => t + w, 0);
  let cumulative = 0;
  for (const [v, w] of pairs) {
    cumulative += w;
    if (cumulative >= q * total) return v;
  }
  return pairs[pairs.length - 1]?.[0] ?? NaN;
}

/** The q-quantile (0 ≤ q ≤ 1) of values (NaN left out) by linear interpolation between order statistics (type 7, as R and NumPy default). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b); // ±Infinity sorts to the ends
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (lo === hi) return sorted[lo] as number;
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
