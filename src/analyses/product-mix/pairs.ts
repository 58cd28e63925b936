/**
 * Categories that sell together: for each pair of categories, how much more often the same customer buys both
 * than chance would give — lift = P(both) / (P(A) · P(B)) over customers with a categorised purchase — with a
 * 95% percentile interval from a Poisson bootstrap over customers. The bootstrap draws a Poisson weight for
 * every pattern of categories bought (the customers with one pattern resampled together: a sum of Poisson(1)
 * weights is Poisson(count)), so it needs only the pattern counts (at most 2^12 rows), not one row per customer.
 * Seeded: the same counts give the same intervals. Pure.
 */
import { seededRandom } from '../clusters/fit.js';

/** Customers per pattern of categories bought (bit i: category number i). */
export interface Pattern {
  mask: number;
  customers: number;
}

/** One pair of categories. */
export interface PairLift {
  /** Category numbers (a < b). */
  a: number;
  b: number;
  /** Customers who bought a, b, and both. */
  customersA: number;
  customersB: number;
  customersBoth: number;
  /** Customers who would buy both by chance: customersA · customersB / all customers. */
  expected: number;
  /** customersBoth / expected (NaN when nobody bought a or b). */
  lift: number;
  /** 95% bootstrap percentile interval of the lift. */
  low: number;
  high: number;
}

function counts(patterns: readonly Pattern[], weights: readonly number[], k: number) {
  const single = new Float64Array(k);
  const both = new Float64Array(k * k);
  let n = 0;
  patterns.forEach((p, j) => {
    const w = weights[j] ?? 0;
    if (w === 0) return;
    n += w;
    for (let a = 0; a < k; a++) {
      if (!(p.mask & (1 << a))) continue;
      single[a] = (single[a] ?? 0) + w;
      for (let b = a + 1; b < k; b++) if (p.mask & (1 << b)) both[a * k + b] = (both[a * k + b] ?? 0) + w;
    }
  });
  return { single, both, n };
}

/** A Poisson(λ) draw: by inversion for small λ, by the normal approximation (rounded, ≥ 0) above 50. */
function poisson(lambda: number, rand: () => number): number {
  if (lambda > 50) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > l) {
    k++;
    p *= rand();
  }
  return k;
}

const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
};

/**
 * Lift of every pair of the `k` categories, with its bootstrap interval; pairs in order (0,1), (0,2) … (k-2,k-1).
 * @example pairLifts([{ mask: 0b11, customers: 40 }, { mask: 0b01, customers: 10 }, { mask: 0b10, customers: 10 }], 2, { replicates: 400, seed: 1 })
 */
export function pairLifts(
  patterns: readonly Pattern[],
  k: number,
  options: { replicates: number; seed: number },
): PairLift[] {
  const base = counts(
    patterns,
    patterns.map((p) => p.customers),
    k,
  );
  const rand = seededRandom(options.seed);
  const draws: number[][] = Array.from({ length: k * k }, () => []);
  for (let r = 0; r < options.replicates; r++) {
    const c = counts(
      patterns,
      patterns.map((p) => poisson(p.customers, rand)),
      k,
    );
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) {
        const sa = c.single[a] as number;
        const sb = c.single[b] as number;
        if (sa > 0 && sb > 0) draws[a * k + b]?.push(((c.both[a * k + b] as number) * c.n) / (sa * sb));
      }
  }
  const out: PairLift[] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) {
      const sa = base.single[a] as number;
      const sb = base.single[b] as number;
      const expected = base.n > 0 ? (sa * sb) / base.n : 0;
      const sorted = [...(draws[a * k + b] ?? [])].sort((x, y) => x - y);
      out.push({
        a,
        b,
        customersA: sa,
        customersB: sb,
        customersBoth: base.both[a * k + b] as number,
        expected,
        lift: expected > 0 ? (base.both[a * k + b] as number) / expected : NaN,
        low: quantile(sorted, 0.025),
        high: quantile(sorted, 0.975),
      });
    }
  return out;
}
