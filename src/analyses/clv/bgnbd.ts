/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). Pure functions: the log-likelihood over
 * (x, t_x, T) groups written with log-gamma terms and a log-sum-exp (Hardie's note on implementing
 * the model in Excel, eq. for ln L), maximum likelihood by BFGS with the analytic gradient on log-parameters from several
 * starting points, and the conditional predictions: expected purchases and P(alive).
 */
import { WorkbenchError } from '../../errors.js';
import { nelderMead } from '../../stats/nelder-mead.js';
import { compileBgnbdLogLikelihood, compileBgnbdObjective, type BgnbdParams } from './bgnbd-objective.js';
import { bfgs } from '../../stats/bfgs.js';
import { lnGamma, scaledHyp2f1 } from '../../stats/special.js';
import { mleCovariance } from '../../stats/hessian.js';
import type { ClvGroup } from './summary.js';
import { clvMessages } from './messages.js';

/** BG/NBD parameters. */
export type { BgnbdParams } from './bgnbd-objective.js';

/** A fitted BG/NBD model. */
export interface BgnbdFit extends BgnbdParams {
  /** Maximised log-likelihood. */
  logLikelihood: number;
  /** True when the final search met its tolerances. */
  converged: boolean;
  /** Iterations of the search that gave the estimate (BFGS, or Nelder-Mead when it had to polish). */
  iterations: number;
  /** Starts explored, and how many of those exploratory searches ended within 1 of the final log-likelihood. */
  starts: number;
  startsAgreeing: number;
  /**
   * Parameters that ended at the search bound (10⁻⁶ or 10⁶): the likelihood keeps improving towards
   * a limit model (e.g. a, b → ∞: everyone has the same dropout chance). Predictions stay usable.
   */
  atBound: Array<keyof BgnbdParams>;
  /**
   * Standard errors from the observed information (numerical Hessian of the log-likelihood on the
   * log-parameters, carried back by the delta method: se(θ) = θ · se(ln θ)); 0 for a parameter held at
   * its bound (see `atBound`); null when the Hessian is not negative definite (a flat ridge).
   */
  standardErrors: BgnbdParams | null;
  /** Covariance of the log-parameters [ln r, ln α, ln a, ln b] (null as `standardErrors`; zero rows for parameters at a bound). */
  logCovariance: number[][] | null;
  /** Customers and repeat buyers the fit saw. */
  customers: number;
  repeatBuyers: number;
}

/** Log-likelihood of one customer with (x, t_x, T). */
export function bgnbdCustomerLogLikelihood(p: BgnbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(a3, a4);
  return a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
}

/**
 * Total log-likelihood over grouped rows (each weighted by its count). The log-gamma terms depend on
 * x only, so they are computed once per distinct x (a few hundred even for millions of customers).
 * @example bgnbdLogLikelihood(fit, groups)
 */
export function bgnbdLogLikelihood(p: BgnbdParams, groups: readonly ClvGroup[]): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const base = lnGamma(a + b) - lnGamma(b) - lnGamma(r) + r * lnAlpha;
  const byX = new Map<number, number>();
  let ll = 0;
  for (const g of groups) {
    const x = g.x;
    let gx = byX.get(x);
    if (gx === undefined) {
      gx = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      byX.set(x, gx);
    }
    const a3 = -(r + x) * Math.log(alpha + g.T);
    if (x === 0) {
      ll += g.count * (gx + a3);
      continue;
    }
    const a4 = lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + g.t_x);
    const m = Math.max(a3, a4);
    ll += g.count * (gx + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m)));
  }
  return ll;
}

/** Options of {@link fitBgnbd}. */
export interface BgnbdFitOptions {
  /** Starting points (natural scale); each is searched, the best is kept. @defaultValue four spread starts */
  starts?: BgnbdParams[];
}

/** Parameters are searched in [10⁻⁶, 10⁶] (on the log scale ±ln 10⁶). */
const LOG_BOUND = Math.log(1e6);

const DEFAULT_STARTS: BgnbdParams[] = [
  { r: 1, alpha: 1, a: 1, b: 1 },
  { r: 0.5, alpha: 5, a: 0.5, b: 2 },
  { r: 0.2, alpha: 10, a: 1.5, b: 5 },
  { r: 2, alpha: 20, a: 0.2, b: 0.8 },
];

/**
 * Fit BG/NBD by maximum likelihood on the grouped summary (see {@link clvGroups}).
 * Throws NO_DATA when there are no repeat buyers (the dropout and rate parameters are then not identified).
 * @example const fit = fitBgnbd(await clvGroups(wb, 'clv_summary'));
 */
export function fitBgnbd(groups: readonly ClvGroup[], options: BgnbdFitOptions = {}): BgnbdFit {
  const customers = groups.reduce((s, g) => s + g.count, 0);
  const repeatBuyers = groups.reduce((s, g) => s + (g.x > 0 ? g.count : 0), 0);
  if (repeatBuyers === 0) {
    throw new WorkbenchError('NO_DATA', clvMessages.noRepeatBuyers(customers), { customers });
  }
  const bad = groups.find((g) => !(g.x >= 0 && g.t_x >= 0 && g.T >= g.t_x && g.count > 0 && (g.x === 0 || g.t_x > 0)));
  if (bad) throw new WorkbenchError('BAD_OPTION', clvMessages.badSummaryRow(bad), { row: bad });
  // Quasi-Newton with the analytic gradient from every start (tens of evaluations each, as lifetimes
  // fits the model); Nelder-Mead polishes only when no start converged or the best lies at a bound.
  const objective = compileBgnbdObjective(groups, LOG_BOUND);
  const runs = (options.starts ?? DEFAULT_STARTS).map((s) => bfgs(objective, [s.r, s.alpha, s.a, s.b].map(Math.log)));
  const start = runs.reduce((m, run) => (run.f < m.f ? run : m));
  if (!Number.isFinite(start.f)) throw new WorkbenchError('NO_DATA', clvMessages.bgnbdNotFinite(), {});
  const atBoundStart = start.x.some((vi) => Math.abs(vi) > LOG_BOUND - 0.05);
  const best = start.converged && !atBoundStart ? start : polish(compileBgnbdLogLikelihood(groups), customers, start);
  const params = unpack(best.x);
  const names: Array<keyof BgnbdParams> = ['r', 'alpha', 'a', 'b'];
  const atBound = names.filter((_, i) => Math.abs(best.x[i] ?? 0) > LOG_BOUND - 0.05);
  const ll = compileBgnbdLogLikelihood(groups);
  // a parameter at a bound is held there: the covariance (and the intervals) are those of the others
  const logCovariance = mleCovariance(
    (v) => ll(unpack(v)),
    best.x,
    1e-4,
    names.map((k) => atBound.includes(k)),
  );
  const se = logCovariance && names.map((k, i) => params[k] * Math.sqrt(logCovariance[i]?.[i] ?? NaN));
  return {
    ...params,
    atBound,
    standardErrors: se ? { r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number } : null,
    logCovariance,
    logLikelihood: bgnbdLogLikelihood(params, groups),
    converged: best.converged,
    iterations: best.iterations,
    starts: runs.length,
    startsAgreeing: runs.filter((run) => Math.abs(run.f - best.f) * customers < 1).length,
    customers,
    repeatBuyers,
  };
}

/** Nelder-Mead from the best quasi-Newton point, for likelihoods that keep improving towards a bound. */
function polish(
  logLikelihood: (p: BgnbdParams) => number,
  customers: number,
  from: { x: number[]; f: number },
): { x: number[]; f: number; converged: boolean; iterations: number } {
  const negLL = (v: number[]) =>
    v.some((vi) => Math.abs(vi) > LOG_BOUND) ? Infinity : -logLikelihood(unpack(v)) / customers;
  const run = nelderMead(negLL, from.x);
  return run.f <= from.f ? run : { ...run, x: from.x, f: from.f };
}

function unpack(v: number[]): BgnbdParams {
  return { r: Math.exp(v[0] ?? 0), alpha: Math.exp(v[1] ?? 0), a: Math.exp(v[2] ?? 0), b: Math.exp(v[3] ?? 0) };
}

/**
 * P(alive | x, t_x, T): the probability that a customer with this history has not dropped out
 * (FHL 2005 eq. 11). Always 1 for x = 0, since in BG/NBD dropout can only happen after a purchase.
 * @example bgnbdPAlive(fit, 2, 30.43, 38.86) // customer 1 of CDNOW
 */
export function bgnbdPAlive(p: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logRatio = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * E[X(t)]: expected purchases in (0, t] of a new customer (FHL 2005 eq. 9).
 * @example bgnbdExpectedPurchases(fit, 52) // a new customer's first year
 */
export function bgnbdExpectedPurchases(p: BgnbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + t);
  const f = scaledHyp2f1(p.r * Math.log(p.alpha / (p.alpha + t)), p.r, p.b, p.a + p.b - 1, z);
  return ((p.a + p.b - 1) / (p.a - 1)) * (1 - f);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with this history
 * (FHL 2005 eq. 10).
 * @example bgnbdConditionalExpected(fit, 39, 2, 30.43, 38.86) // 1.226 with the published CDNOW fit
 */
export function bgnbdConditionalExpected(p: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  // a + b < 1 makes c = a + b + x − 1 negative for x = 0: scaledHyp2f1 sums that series with signs
  const f = scaledHyp2f1((r + x) * Math.log((alpha + T) / (alpha + T + t)), r + x, b + x, a + b + x - 1, z);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - f);
  const tail = x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))) : 0;
  return head / (1 + tail);
}
