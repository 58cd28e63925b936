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
 * A sampler of N(mean, covariance); null when the covariance is not positive definite.
 * @example const draw = multivariateNormal([0, 0], [[1, 0.5], [0.5, 1]]); const x = draw(() => rng.next());
 */
export function multivariateNormal(mean: readonly number[], covariance: readonly (readonly number[])[]): ((uniform: () => number) => number[]) | null {
  const L = cholesky(covariance);
  if (!L) return null;
  return (uniform) => {
    const z = mean.map(() => standardNormal(uniform));
    return mean.map((m, i) => {
      let s = m;
      for (let k = 0; k <= i; k++) s += (L[i]?.[k] ?? 0) * (z[k] ?? 0);
      return s;
    });
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
