/**
 * Categories that sell together: for each pair of categories, how much more often the same customer buys both
 * than chance would give, with an interval that holds for all pairs at once.
 *
 * Chance takes each customer's breadth into account. A customer who buys in five of six categories buys almost
 * every pair, so plain lift (P(both) / (P(A) · P(B))) calls nearly every pair "beyond chance" when breadth varies
 * between customers, as it does in real shops. The null here compares customers of the same breadth m (number of
 * categories bought) only: among the nₘ customers of breadth m, with dₘ(A) of them buying A, the stratum's
 * nₘ·m(m − 1)/2 basket pairs are spread over the category pairs in proportion to dₘ(A)·dₘ(B) (the configuration
 * model of a customer × category network, which is exact for baskets drawn at random),
 *   expected(A, B) = Σₘ nₘ·m(m − 1) · dₘ(A)·dₘ(B) / ((m·nₘ)² − Σ_C dₘ(C)²).
 * Customers of one category add nothing; customers of every category add one to every pair, as chance would.
 * Lift = customers who bought both ÷ expected.
 *
 * Interval: a Poisson bootstrap over customers gives the standard error of log lift; the interval is
 * log lift ± z · se with z = Φ⁻¹(1 − 0.025 / pairs) (Bonferroni over the pairs: a family-wise 95% level), so
 * with 15 pairs a pair is "beyond chance" only when it would be at about the 99.8% level alone. The bootstrap
 * draws a Poisson weight for every pattern of categories bought (the customers with one pattern resampled
 * together: a sum of Poisson(1) weights is Poisson(count)), so it needs only the pattern counts (at most 2^12
 * rows), not one row per customer. Seeded: the same counts give the same intervals. Pure.
 */
import { seededRandom } from '../clusters/fit.js';
import { normalQuantile } from '../../stats/normal.js';

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
  /** Customers who would buy both by chance, given how many categories each buys and how often each is bought (see the file header). */
  expected: number;
  /** customersBoth / expected (NaN when no customer of two or more categories bought a and another, or b and another). */
  lift: number;
  /** Family-wise 95% interval of the lift (Bonferroni over the pairs; bootstrap standard error of log lift). */
  low: number;
  high: number;
}

/** Customers buying a, and a and b, and the expected number buying both by chance (see the file header). */
function counts(patterns: readonly Pattern[], weights: readonly number[], k: number) {
  const single = new Float64Array(k);
  const both = new Float64Array(k * k);
  // per breadth m (categories bought): customers, and buyers of each category
  const strata = new Float64Array(k + 1);
  const buyers = new Float64Array((k + 1) * k);
  patterns.forEach((p, j) => {
    const w = weights[j] ?? 0;
    if (w === 0) return;
    let m = 0;
    for (let a = 0; a < k; a++) if (p.mask & (1 << a)) m++;
    strata[m] = (strata[m] ?? 0) + w;
    for (let a = 0; a < k; a++) {
      if (!(p.mask & (1 << a))) continue;
      single[a] = (single[a] ?? 0) + w;
      buyers[m * k + a] = (buyers[m * k + a] ?? 0) + w;
      for (let b = a + 1; b < k; b++) if (p.mask & (1 << b)) both[a * k + b] = (both[a * k + b] ?? 0) + w;
    }
  });
  const expected = new Float64Array(k * k);
  for (let m = 2; m <= k; m++) {
    const n = strata[m] as number;
    if (n <= 0) continue;
    // the stratum's n·m(m−1)/2 basket pairs spread over the category pairs in proportion to d(a)·d(b)
    let squares = 0;
    for (let c = 0; c < k; c++) squares += (buyers[m * k + c] as number) ** 2;
    const norm = (n * m) ** 2 - squares;
    if (norm <= 0) continue;
    const pairs = (n * m * (m - 1)) / 2;
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++)
        expected[a * k + b] =
          (expected[a * k + b] ?? 0) +
          (pairs * 2 * (buyers[m * k + a] as number) * (buyers[m * k + b] as number)) / norm;
  }
  return { single, both, expected };
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

/** Population standard deviation. */
const sd = (xs: readonly number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
};

/**
 * Lift of every pair of the `k` categories against the breadth-stratified null, with its family-wise interval;
 * pairs in order (0,1), (0,2) … (k-2,k-1).
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
        const e = c.expected[a * k + b] as number;
        const o = c.both[a * k + b] as number;
        if (e > 0 && o > 0) draws[a * k + b]?.push(Math.log(o / e));
      }
  }
  const pairs = (k * (k - 1)) / 2;
  const z = normalQuantile(1 - 0.025 / Math.max(1, pairs));
  const out: PairLift[] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) {
      const expected = base.expected[a * k + b] as number;
      const observed = base.both[a * k + b] as number;
      const lift = expected > 0 ? observed / expected : NaN;
      const logs = draws[a * k + b] ?? [];
      // a pair nobody (or almost nobody) bought has no log-scale spread: no interval above 0
      const se = logs.length >= 2 ? sd(logs) : NaN;
      const ok = lift > 0 && Number.isFinite(se);
      out.push({
        a,
        b,
        customersA: base.single[a] as number,
        customersB: base.single[b] as number,
        customersBoth: observed,
        expected,
        lift,
        low: ok ? Math.exp(Math.log(lift) - z * se) : 0,
        high: ok ? Math.exp(Math.log(lift) + z * se) : NaN,
      });
    }
  return out;
}
