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
