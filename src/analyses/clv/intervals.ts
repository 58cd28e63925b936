/**
 * Intervals on predicted value by a parametric bootstrap: the fitted parameters are drawn from the
 * asymptotic normal of the fit (on the log-parameters, with the covariance from the observed
 * information), and every draw recomputes the expected value of each segment; the interval is the
 * 2.5% and 97.5% quantiles of the draws. The purchase model and Gamma-Gamma are fitted on separate
 * likelihoods, so their parameters are drawn independently. What it covers is parameter uncertainty:
 * the expected value the model would give with the true parameters, not the value customers will
 * actually bring (which also varies by chance around it). Pure: cells in, intervals out.
 */
import { multivariateNormal, quantile } from '../../stats/mvnormal.js';
import { Random } from '../../sample/random.js';
import { discountedExpected, modelFromLog, modelToLog, type Horizon, type PurchaseModel } from './purchase-model.js';
import type { GammaGammaParams } from './gamma-gamma.js';

/** Customers of one segment with the same (x, t_x, T): the unit the bootstrap sums over. */
export interface ValueCell {
  /** Segment key. */
  key: string;
  x: number;
  t_x: number;
  T: number;
  /** Customers in the cell. */
  customers: number;
  /** Of those, customers scored with their own mean spend (x > 0 and mean spend > 0). */
  own: number;
  /** Sum of the mean spends of the `own` customers. */
  monetary: number;
}

/** What the value of a segment is computed from. */
export interface ValueModel {
  purchases: PurchaseModel;
  spend: GammaGammaParams;
  horizon: Horizon;
  /** Share of spend that is margin. */
  margin: number;
}

/** Options of {@link valueIntervals}. */
export interface ValueIntervalOptions {
  /** Parameter draws. @defaultValue 200 */
  draws?: number;
  /** Seed of the draws. @defaultValue 29 */
  seed?: number;
  /** Central coverage of the interval. @defaultValue 0.95 */
  level?: number;
}

/** Expected value and its interval per segment key. */
export interface ValueInterval {
  value: number;
  low: number;
  high: number;
}

/**
 * Expected value per segment key: Σ over its customers of margin × expected spend × discounted expected
 * purchases, with Gamma-Gamma's expected spend (the population mean pγ/(q − 1) for customers without
 * their own spend; +Infinity when q ≤ 1).
 * @example segmentValues(cells, { purchases, spend: gammaGamma, horizon, margin: 1 }).get('total')
 */
export function segmentValues(cells: readonly ValueCell[], m: ValueModel): Map<string, number> {
  const { p, q, gamma } = m.spend;
  const population = q > 1 ? (p * gamma) / (q - 1) : Infinity;
  const purchases = new Map<string, number>();
  const out = new Map<string, number>();
  for (const c of cells) {
    const g = `${c.x}|${c.t_x}|${c.T}`;
    let d = purchases.get(g);
    if (d === undefined) {
      d = discountedExpected(m.purchases, c.x, c.t_x, c.T, m.horizon);
      purchases.set(g, d);
    }
    const ownSpend = c.own > 0 ? (p * (c.own * gamma + c.x * c.monetary)) / (p * c.x + q - 1) : 0;
    const others = c.customers - c.own;
    const spend = ownSpend + (others > 0 ? others * population : 0);
    out.set(c.key, (out.get(c.key) ?? 0) + m.margin * d * spend);
  }
  return out;
}

/**
 * Expected value per segment key with a parametric-bootstrap interval; null when a fit has no
 * covariance (an estimate at a bound: the normal approximation does not hold there).
 * @example const byTier = valueIntervals(cells, model, bgnbd.logCovariance, gammaGamma.logCovariance);
 */
export function valueIntervals(
  cells: readonly ValueCell[],
  m: ValueModel,
  purchaseCovariance: number[][] | null,
  spendCovariance: number[][] | null,
  options: ValueIntervalOptions = {},
): Map<string, ValueInterval> | null {
  const draws = options.draws ?? 200;
  const level = options.level ?? 0.95;
  const point = segmentValues(cells, m);
  const spendLog = [m.spend.p, m.spend.q, m.spend.gamma].map(Math.log);
  const drawPurchases = purchaseCovariance && multivariateNormal(modelToLog(m.purchases), purchaseCovariance);
  const drawSpend = spendCovariance && multivariateNormal(spendLog, spendCovariance);
  if (!drawPurchases || !drawSpend || draws < 2) return null;
  const rng = new Random(options.seed ?? 29);
  const uniform = () => rng.next();
  const samples = new Map<string, number[]>([...point.keys()].map((k) => [k, []]));
  for (let i = 0; i < draws; i++) {
    const purchases = modelFromLog(m.purchases.kind, drawPurchases(uniform));
    const s = drawSpend(uniform).map(Math.exp);
    const values = segmentValues(cells, {
      ...m,
      purchases,
      spend: { p: s[0] ?? NaN, q: s[1] ?? NaN, gamma: s[2] ?? NaN },
    });
    for (const [k, v] of values) samples.get(k)?.push(v);
  }
  const tail = (1 - level) / 2;
  return new Map(
    [...point].map(([k, value]) => {
      const vs = samples.get(k) ?? [];
      return [k, { value, low: quantile(vs, tail), high: quantile(vs, 1 - tail) }];
    }),
  );
}
