/**
 * The Pareto/NBD model of repeat purchasing (Schmittlein, Morrison & Colombo 1987), in the formulation
 * of Fader & Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005),
 * as BTYD and lifetimes' `ParetoNBDFitter` implement it: while alive a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α) and stays alive for an exponential lifetime with rate μ ~ Gamma(s, β),
 * so dropout can happen at any moment (BG/NBD: only right after a purchase). Pure functions: the
 * log-likelihood (eq. 18–20, with the Gaussian hypergeometric ₂F₁), maximum likelihood by BFGS on
 * log-parameters with a central-difference gradient from several starts (in a box; on data without
 * dropout the fit is the no-dropout limit, see {@link noDropoutLimit}), P(alive) and the conditional
 * expected purchases (eq. 41).
 */
import { WorkbenchError } from '../../errors.js';
import { bfgs, centralDifferences } from '../../stats/bfgs.js';
import { nelderMead } from '../../stats/nelder-mead.js';
import { lnGamma, lnHyp2f1 } from '../../stats/special.js';
import { mleCovariance } from '../../stats/hessian.js';
import { integrate } from '../../stats/quadrature.js';
import type { ClvGroup } from './summary.js';
import { clvMessages } from './messages.js';
import { noDropoutLimit } from './no-dropout.js';

/** Pareto/NBD parameters. */
export interface ParetoNbdParams {
  /** Shape of the purchase-rate gamma. */
  r: number;
  /** Scale of the purchase-rate gamma (in the summary's time unit). */
  alpha: number;
  /** Shape of the dropout-rate gamma. */
  s: number;
  /** Scale of the dropout-rate gamma (in the summary's time unit). */
  beta: number;
}

/** A fitted Pareto/NBD model. */
export interface ParetoNbdFit extends ParetoNbdParams {
  /** Maximised log-likelihood. */
  logLikelihood: number;
  /** True when the final search met its tolerances. */
  converged: boolean;
  /** Iterations of the search that gave the estimate. */
  iterations: number;
  /**
   * Log-likelihood evaluations of the whole search: every start, its difference gradients and line searches, and
   * the Nelder-Mead polish when one ran (not the standard errors' Hessian). About 840 on the CDNOW sample,
   * 2,300 on 300 customers whose fit runs to a bound; bounded by the searches' iteration limits.
   */
  evaluations: number;
  /**
   * Parameters that ended at the search bound (10⁻⁶ or 10⁶): the likelihood keeps improving towards a limit of
   * the model, where the search stops. β at 10⁶ (or s at 10⁻⁶) is the limit without dropout: no customer
   * is found to stop, and the model reduces to the NBD. Predictions stay usable.
   */
  atBound: Array<keyof ParetoNbdParams>;
  /**
   * Standard errors from the observed information (numerical Hessian of the log-likelihood on the
   * log-parameters, carried back by the delta method: se(θ) = θ · se(ln θ)); 0 for a parameter held at
   * its bound (see `atBound`); null when the Hessian is not negative definite (a flat ridge).
   */
  standardErrors: ParetoNbdParams | null;
  /** Covariance of the log-parameters [ln r, ln α, ln s, ln β] (null as `standardErrors`; zero rows for parameters at a bound). */
  logCovariance: number[][] | null;
  customers: number;
  repeatBuyers: number;
}

/** Above this argument the ₂F₁ series needs too many terms (thousands near 1): A₀ is integrated instead. */
const SERIES_LIMIT = 0.9;

/**
 * ln A₀ of the note's eq. 19–20 (−Infinity when t_x = T: the customer bought on the last day). By the
 * ₂F₁ series when its argument is at most {@link SERIES_LIMIT}, else from the integral it stands for,
 * A₀ = (r+s+x) ∫ from t_x to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ (the chance of dying at τ after the last
 * purchase), by Gauss–Legendre quadrature: far from the other branch's parameters z comes close to 1 when
 * one of α, β is much smaller than the other and t_x is small.
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const [lo, hi, t] = alpha < beta ? [alpha, beta, r + x] : [beta, alpha, s + 1];
  const d = hi - lo;
  const rsx = r + s + x;
  const z = d / (hi + tx);
  // the series' terms grow until k ≈ t·z/(1 − z): beyond a few hundred, integrate
  if (z <= SERIES_LIMIT && (t * z) / (1 - z) < 500) {
    const u = lnHyp2f1(rsx, t, rsx + 1, d / (hi + tx)) - rsx * Math.log(hi + tx);
    const v = lnHyp2f1(rsx, t, rsx + 1, d / (hi + T)) - rsx * Math.log(hi + T);
    return u + Math.log(-Math.expm1(v - u));
  }
  if (!(T > tx)) return -Infinity;
  // u = ln((lo+τ)/(lo+t_x)) turns the integrand into a smooth near-exponential in u: ln of it is concave with
  // slope (1 − pLo) − pHi·(lo+τ)/(hi+τ), at most r+s+x+1 in size and largest at an end of [0, U]
  const [pLo, pHi] = alpha < beta ? [r + x, s + 1] : [s + 1, r + x];
  const base = lo + tx;
  const U = Math.log((lo + T) / base);
  const logAt = (u: number) => {
    const tau = base * Math.exp(u) - lo;
    return (1 - pLo) * Math.log(lo + tau) - pHi * Math.log(hi + tau);
  };
  const top = logAt(0);
  const slope = (tau: number) => Math.abs(1 - pLo - (pHi * (lo + tau)) / (hi + tau));
  // panels over which ln of the integrand changes by at most 4: with β ≫ α (no dropout to speak of) the
  // β-term is nearly flat and a few panels do, where r+s+x (s in the thousands) would ask for 64
  const panels = Math.min(64, Math.max(4, Math.ceil((Math.max(slope(tx), slope(T)) * U) / 4)));
  return Math.log(rsx) + top + Math.log(integrate((u) => Math.exp(logAt(u) - top), 0, U, panels, 16));
}

/**
 * Log-likelihood of one customer with (x, t_x, T).
 * @example paretoNbdCustomerLogLikelihood({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.66 }, 2, 30.43, 38.86)
 */
export function paretoNbdCustomerLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const gone = Math.log(s) + logA0(p, x, tx, T) - Math.log(r + s + x);
  const m = Math.max(alive, gone);
  return a1 + m + Math.log1p(Math.exp(-Math.abs(alive - gone)));
}

/**
 * Total log-likelihood over grouped rows (each weighted by its count).
 * @example paretoNbdLogLikelihood(fit, groups)
 */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, groups: readonly ClvGroup[]): number {
  let ll = 0;
  for (const g of groups) ll += g.count * paretoNbdCustomerLogLikelihood(p, g.x, g.t_x, g.T);
  return ll;
}

/** Options of {@link fitParetoNbd}. */
export interface ParetoNbdFitOptions {
  /** Starting points (natural scale); each is searched, the best is kept. @defaultValue four spread starts */
  starts?: ParetoNbdParams[];
}

const LOG_BOUND = Math.log(1e6);
/** How far past the box the likelihood is still computed: room for the difference gradient's steps (10⁻⁶) on it. */
const GRADIENT_MARGIN = 1e-3;
/** Iteration limit of the Nelder-Mead polish (each iteration one to five evaluations). */
const POLISH_ITERATIONS = 1000;
const NAMES: Array<keyof ParetoNbdParams> = ['r', 'alpha', 's', 'beta'];
const DEFAULT_STARTS: ParetoNbdParams[] = [
  { r: 1, alpha: 1, s: 1, beta: 1 },
  { r: 0.5, alpha: 10, s: 0.5, beta: 10 },
  { r: 0.3, alpha: 5, s: 1, beta: 30 },
  { r: 2, alpha: 20, s: 0.3, beta: 3 },
];

const unpack = (v: readonly number[]): ParetoNbdParams => ({
  r: Math.exp(v[0] ?? 0),
  alpha: Math.exp(v[1] ?? 0),
  s: Math.exp(v[2] ?? 0),
  beta: Math.exp(v[3] ?? 0),
});

/**
 * Fit Pareto/NBD by maximum likelihood on the grouped summary (see {@link clvGroups}).
 * Throws NO_DATA when there are no repeat buyers.
 * @example const fit = fitParetoNbd(await clvGroups(wb, 'clv_summary'));
 */
export function fitParetoNbd(groups: readonly ClvGroup[], options: ParetoNbdFitOptions = {}): ParetoNbdFit {
  const customers = groups.reduce((s, g) => s + g.count, 0);
  const repeatBuyers = groups.reduce((s, g) => s + (g.x > 0 ? g.count : 0), 0);
  if (repeatBuyers === 0) throw new WorkbenchError('NO_DATA', clvMessages.noRepeatBuyers(customers), { customers });
  const bad = groups.find((g) => !(g.x >= 0 && g.t_x >= 0 && g.T >= g.t_x && g.count > 0 && (g.x === 0 || g.t_x > 0)));
  if (bad) throw new WorkbenchError('BAD_OPTION', clvMessages.badSummaryRow(bad), { row: bad });
  let evaluations = 0;
  // Infinity beyond `limit` on the log scale: the search's box, and a hair beyond it for the difference gradient
  const negLL =
    (limit: number) =>
    (v: number[]): number => {
      evaluations++;
      if (v.some((vi) => !(Math.abs(vi) <= limit))) return Infinity;
      const f = -paretoNbdLogLikelihood(unpack(v), groups) / customers;
      return Number.isFinite(f) ? f : Infinity;
    };
  // No closed-form gradient: central differences, two evaluations per parameter. The box holds a parameter
  // that runs to a limit (no dropout: β → ∞) on its bound, where the profile likelihood is flat, instead
  // of creeping towards it in ever smaller steps.
  const objective = centralDifferences(negLL(LOG_BOUND + GRADIENT_MARGIN));
  const runs = (options.starts ?? DEFAULT_STARTS).map((s) =>
    bfgs(objective, [s.r, s.alpha, s.s, s.beta].map(Math.log), { gTolerance: 1e-7, bound: LOG_BOUND }),
  );
  const start = runs.reduce((m, run) => (run.f < m.f ? run : m));
  if (!Number.isFinite(start.f)) throw new WorkbenchError('NO_DATA', clvMessages.paretoNbdNotFinite(), {});
  // Nelder-Mead polishes a search that failed, or one that stopped near a bound without reaching it
  const nearBound = start.x.some((vi) => Math.abs(vi) > LOG_BOUND - 0.05 && Math.abs(vi) < LOG_BOUND);
  const searched =
    start.converged && !nearBound
      ? start
      : (() => {
          const nm = nelderMead(negLL(LOG_BOUND), start.x, { maxIterations: POLISH_ITERATIONS });
          return nm.f <= start.f ? nm : start;
        })();
  const best = noDropoutLimit(groups, searched, negLL(LOG_BOUND), LOG_BOUND);
  const params = unpack(best.x);
  const atBound = NAMES.filter((_, i) => Math.abs(best.x[i] ?? 0) > LOG_BOUND - 0.05);
  // a parameter at a bound is held there: the covariance (and the intervals) are those of the others
  const logCovariance = mleCovariance(
    (v) => paretoNbdLogLikelihood(unpack(v), groups),
    best.x,
    1e-4,
    NAMES.map((k) => atBound.includes(k)),
  );
  return {
    ...params,
    logLikelihood: paretoNbdLogLikelihood(params, groups),
    converged: best.converged,
    iterations: best.iterations,
    evaluations,
    atBound,
    standardErrors: logCovariance ? deltaSe(params, logCovariance) : null,
    logCovariance,
    customers,
    repeatBuyers,
  };
}

function deltaSe(p: ParetoNbdParams, cov: number[][]): ParetoNbdParams {
  const se = NAMES.map((k, i) => p[k] * Math.sqrt(cov[i]?.[i] ?? NaN));
  return { r: se[0] as number, alpha: se[1] as number, s: se[2] as number, beta: se[3] as number };
}

/**
 * P(alive | x, t_x, T): the probability that a customer with this history is still alive
 * (Fader & Hardie 2005 note, eq. 36–37). Unlike BG/NBD it falls for one-time buyers too as T grows.
 * @example paretoNbdPAlive(fit, 2, 30.43, 38.86)
 */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lr =
    Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(p, x, tx, T);
  return 1 / (1 + Math.exp(lr));
}

/**
 * E[X(t)]: expected purchases in (0, t] of a new customer (note eq. 27).
 * @example paretoNbdExpectedPurchases(fit, 52)
 */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return ((r * beta) / alpha) * powerTail(s, beta / (beta + t));
}

/** (1 − z^(s−1)) / (s − 1), with its limit −ln z at s = 1. */
function powerTail(s: number, z: number): number {
  const k = s - 1;
  return Math.abs(k) < 1e-10 ? -Math.log(z) : -Math.expm1(k * Math.log(z)) / k;
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with this history
 * (note eq. 41): P(alive) times the expected purchases of a customer alive now.
 * @example paretoNbdConditionalExpected(fit, 39, 2, 30.43, 38.86)
 */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  const alive = (((r + x) * (beta + T)) / (alpha + T)) * powerTail(s, (beta + T) / (beta + T + t));
  return paretoNbdPAlive(p, x, tx, T) * alive;
}
