/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's
 * note "The Gamma-Gamma model of monetary value", 2013): a customer's transaction values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of how often they buy. Fitted on
 * repeat buyers only (x > 0, mean repeat spend m̄ > 0). Pure functions: log-likelihood, maximum
 * likelihood by BFGS (analytic gradient) on log-parameters, the conditional expected spend per transaction and
 * the discounted CLV built on BG/NBD's expected purchases.
 */
import { WorkbenchError } from '../../errors.js';
import { nelderMead } from '../../stats/nelder-mead.js';
import { bfgs, type BfgsResult } from '../../stats/bfgs.js';
import { digamma, lnGamma } from '../../stats/special.js';
import { mleCovariance } from '../../stats/hessian.js';
import { bgnbdConditionalExpected, type BgnbdParams } from './bgnbd.js';
import { clvMessages } from './messages.js';

/** Gamma-Gamma parameters. */
export interface GammaGammaParams {
  /** Shape of the transaction-value gamma. */
  p: number;
  /** Shape of the across-customer gamma of ν. */
  q: number;
  /** Scale of the across-customer gamma of ν. */
  gamma: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit extends GammaGammaParams {
  /** Maximised log-likelihood (of the mean spends, as in Hardie's note). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Parameters that ended at the search bound 10⁻⁶ or 10⁶ (e.g. p → ∞: no spread of spend within a customer). */
  atBound: Array<keyof GammaGammaParams>;
  /**
   * Standard errors from the observed information (numerical Hessian of the log-likelihood on the
   * log-parameters, carried back by the delta method: se(θ) = θ · se(ln θ)); 0 for a parameter held at
   * its bound (see `atBound`); null when the Hessian is not negative definite.
   */
  standardErrors: GammaGammaParams | null;
  /** Covariance of the log-parameters [ln p, ln q, ln γ] (null as `standardErrors`). */
  logCovariance: number[][] | null;
  /** Customers fitted on (repeat buyers with positive mean spend). */
  customers: number;
}

/** One repeat buyer: x repeat transactions with mean value `monetary`. */
export interface GammaGammaRow {
  /** Identifies the row in error messages. */
  customerId?: string;
  x: number;
  monetary: number;
}

/** Repeat buyers split by whether Gamma-Gamma can learn from them. */
export interface GammaGammaSelection<R extends GammaGammaRow> {
  /** Repeat buyers (x > 0) with a positive, finite mean spend: what the model is fitted on. */
  fit: R[];
  /** Repeat buyers whose repeat purchases net to zero or less: scored with the population mean. */
  setAside: R[];
}

/**
 * Split rows into the repeat buyers Gamma-Gamma is fitted on (x > 0, mean spend > 0) and the repeat
 * buyers it cannot use (mean spend ≤ 0, e.g. a repeat order later refunded); rows with x = 0 are in neither.
 * @example const { fit, setAside } = selectGammaGammaRows(rows);
 */
export function selectGammaGammaRows<R extends GammaGammaRow>(rows: readonly R[]): GammaGammaSelection<R> {
  const repeat = rows.filter((r) => r.x > 0);
  return {
    fit: repeat.filter((r) => r.monetary > 0 && Number.isFinite(r.monetary)),
    setAside: repeat.filter((r) => !(r.monetary > 0 && Number.isFinite(r.monetary))),
  };
}

/**
 * The population mean spend per transaction, pγ/(q − 1): the expected spend of a customer the model
 * knows nothing about (no repeat purchase, or none with a positive spend). NaN when q ≤ 1 (infinite mean).
 * @example gammaGammaPopulationMean({ p: 6.25, q: 3.74, gamma: 15.44 }) // 35.2
 */
export function gammaGammaPopulationMean(g: GammaGammaParams): number {
  return g.q > 1 ? (g.p * g.gamma) / (g.q - 1) : NaN;
}

/** Log-likelihood of one customer's mean spend m̄ over x transactions. */
export function gammaGammaCustomerLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = g;
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + m * x)
  );
}

/**
 * Fit Gamma-Gamma by maximum likelihood. Every row must have x > 0 and monetary > 0: otherwise a
 * BAD_OPTION error names the first offending rows (select them with {@link selectGammaGammaRows}).
 * @example const gg = fitGammaGamma(selectGammaGammaRows(rows).fit);
 */
export function fitGammaGamma(rows: readonly GammaGammaRow[]): GammaGammaFit {
  // Bad rows are named by their position in `rows` (1-based): a message must not quote customer ids.
  const bad = rows.flatMap((r, i) =>
    r.x > 0 && Number.isInteger(r.x) && r.monetary > 0 && Number.isFinite(r.monetary)
      ? []
      : [{ row: i + 1, x: r.x, monetary: r.monetary }],
  );
  if (bad.length > 0) {
    throw new WorkbenchError('BAD_OPTION', clvMessages.gammaGammaBadRows(bad), {
      rows: bad.slice(0, 20),
      count: bad.length,
    });
  }
  if (rows.length < 2) throw new WorkbenchError('NO_DATA', clvMessages.gammaGammaTooFew(rows.length), {});
  const negLL = gammaGammaObjective(rows);
  const meanSpend = rows.reduce((s, r) => s + r.monetary, 0) / rows.length;
  const starts = [
    [1, 1, 1],
    [1, 2, meanSpend],
    [5, 3, meanSpend / 2],
    [0.5, 5, meanSpend * 2],
  ];
  // BFGS with the analytic gradient, start after start until two converged runs agree on the
  // log-likelihood (to 10⁻⁶ in total); Nelder-Mead only when none converged inside the bounds
  const runs: BfgsResult[] = [];
  for (const s of starts) {
    const run = bfgs(negLL, s.map(Math.log));
    if (run.converged && runs.some((o) => o.converged && Math.abs(o.f - run.f) * rows.length < 1e-6)) {
      runs.push(run);
      break;
    }
    runs.push(run);
  }
  const first = runs.reduce((m, run) => (run.f < m.f ? run : m));
  const inside = first.x.every((vi) => Math.abs(vi) <= LOG_BOUND - 0.05);
  const best =
    first.converged && inside
      ? first
      : (() => {
          const nm = nelderMead((v) => negLL(v).f, first.x);
          return nm.f <= first.f ? nm : first;
        })();
  const params = { p: Math.exp(best.x[0] ?? 0), q: Math.exp(best.x[1] ?? 0), gamma: Math.exp(best.x[2] ?? 0) };
  if (!Number.isFinite(best.f)) throw new WorkbenchError('NO_DATA', clvMessages.gammaGammaNotFinite(), {});
  const names: Array<keyof GammaGammaParams> = ['p', 'q', 'gamma'];
  const atBound = names.filter((_, i) => Math.abs(best.x[i] ?? 0) > LOG_BOUND - 0.05);
  // a parameter at a bound is held there: the covariance (and the intervals) are those of the others
  const logCovariance = mleCovariance(
    (v) => -negLL(v).f * rows.length,
    best.x,
    1e-4,
    names.map((k) => atBound.includes(k)),
  );
  const se = logCovariance && names.map((k, i) => params[k] * Math.sqrt(logCovariance[i]?.[i] ?? NaN));
  return {
    ...params,
    logLikelihood: -best.f * rows.length,
    converged: best.converged,
    iterations: best.iterations,
    customers: rows.length,
    atBound,
    standardErrors: se ? { p: se[0] as number, q: se[1] as number, gamma: se[2] as number } : null,
    logCovariance,
  };
}

/** Parameters are searched in [10⁻⁶, 10⁶] (±ln 10⁶ on the log scale). */
const LOG_BOUND = Math.log(1e6);

/**
 * −LL per customer on log-parameters and its gradient, arranged for speed: the log-gamma and digamma terms once per distinct x,
 * the terms linear in p or q as precomputed sums, one logarithm per customer for ln(γ + x m̄).
 */
function gammaGammaObjective(rows: readonly GammaGammaRow[]): (v: number[]) => { f: number; g: number[] } {
  const n = rows.length;
  const xs = new Float64Array(n);
  const xm = new Float64Array(n);
  const countByX = new Map<number, number>();
  let sumXLnM = 0;
  let sumLnM = 0;
  let sumXLnX = 0;
  rows.forEach((r, i) => {
    xs[i] = r.x;
    xm[i] = r.x * r.monetary;
    countByX.set(r.x, (countByX.get(r.x) ?? 0) + 1);
    sumXLnM += r.x * Math.log(r.monetary);
    sumLnM += Math.log(r.monetary);
    sumXLnX += r.x * Math.log(r.x);
  });
  const byX = [...countByX.entries()];
  return (v: number[]) => {
    if (v.some((vi) => !(Math.abs(vi) <= LOG_BOUND))) return { f: Infinity, g: v.map(() => 0) };
    const p = Math.exp(v[0] ?? 0);
    const q = Math.exp(v[1] ?? 0);
    const gamma = Math.exp(v[2] ?? 0);
    const lnG = Math.log(gamma);
    let ll = n * (q * lnG - lnGamma(q)) + p * sumXLnM - sumLnM + p * sumXLnX;
    let dp = sumXLnM + sumXLnX;
    let dq = n * (lnG - digamma(q));
    let dg = (n * q) / gamma;
    for (const [x, count] of byX) {
      ll += count * (lnGamma(p * x + q) - lnGamma(p * x));
      const psiPXQ = digamma(p * x + q);
      dp += count * x * (psiPXQ - digamma(p * x));
      dq += count * psiPXQ;
    }
    for (let i = 0; i < n; i++) {
      const x = xs[i] as number;
      const denom = gamma + (xm[i] as number);
      const lnD = Math.log(denom);
      ll -= (p * x + q) * lnD;
      dp -= x * lnD;
      dq -= lnD;
      dg -= (p * x + q) / denom;
    }
    return { f: -ll / n, g: [(-p * dp) / n, (-q * dq) / n, (-gamma * dg) / n] };
  };
}

/**
 * E[M | p, q, γ, m̄, x]: expected spend per future transaction, a weighted mean of the population
 * mean pγ/(q−1) and the customer's own m̄ (Hardie 2013, eq. 5). For x = 0 it is the population mean.
 * NaN when q ≤ 1 and x = 0 (the population mean is then infinite).
 * @example gammaGammaExpectedSpend(fit, 2, 22.35) // customer 1 of CDNOW
 */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number {
  return (g.p * (g.gamma + m * x)) / (g.p * x + g.q - 1);
}

/** Options of {@link customerLifetimeValue}. */
export interface ClvHorizon {
  /** Months ahead. @defaultValue 12 */
  months?: number;
  /** Annual discount rate (0.1 = 10%), applied per month. @defaultValue 0 */
  discountRate?: number;
  /** Summary time units per year (52.18 for weeks, 365.25 for days). */
  unitsPerYear: number;
}

/**
 * Expected discounted purchases over the horizon, month by month:
 * Σₖ (E[Y(k·s)] − E[Y((k−1)·s)]) / (1 + d)^(k/12), s = one month in summary units. Times the
 * expected spend per purchase this is the CLV (lifetimes' `customer_lifetime_value` does the same).
 */
export function discountedPurchases(bg: BgnbdParams, x: number, tx: number, T: number, h: ClvHorizon): number {
  const months = h.months ?? 12;
  const d = h.discountRate ?? 0;
  const step = h.unitsPerYear / 12;
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= months; k++) {
    const e = bgnbdConditionalExpected(bg, k * step, x, tx, T);
    total += (e - previous) / (1 + d) ** (k / 12);
    previous = e;
  }
  return total;
}
