/** A proportion with its 95% interval: the Wilson score interval, which stays inside [0, 1] for small counts. */
import { Z95 } from './normal.js';

/** A share of a count with its 95% interval. */
export interface Proportion {
  /** Events (e.g. customers who churned). */
  events: number;
  /** Trials (e.g. customers at the start). */
  total: number;
  /** events ÷ total; NaN when total is 0. */
  rate: number;
  /** Lower end of the 95% Wilson score interval. */
  low: number;
  /** Upper end of the 95% Wilson score interval. */
  high: number;
}

/**
 * Wilson score interval for `events` out of `total` (95% unless `z` is given).
 * @example wilson(10, 100) // { rate: 0.1, low: 0.0552, high: 0.1744, … }
 */
export function wilson(events: number, total: number, z = Z95): Proportion {
  if (!(total > 0)) return { events, total, rate: NaN, low: NaN, high: NaN };
  const p = events / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { events, total, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** True when two 95% intervals do not overlap (a conservative "clearly different"). */
export function clearlyDifferent(a: Proportion, b: Proportion): boolean {
  return a.high < b.low || b.high < a.low;
}
