/**
 * The BG/BB model of repeat transactions at discrete opportunities (Fader, Hardie & Shang 2010): data where
 * a customer can transact at most once per period — a yearly donation, a renewal, an annual event. While
 * alive a customer transacts in each period with probability p ~ Beta(α, β), and at the start of each
 * period after one they are alive in, they drop out for good with probability θ ~ Beta(γ, δ). A customer is
 * summarised by x (periods with a transaction after the first), t_x (the last such period, counted from the
 * first; 0 when x = 0) and n (the opportunities after the first). Pure functions: the log-likelihood
 * (eq. 5), maximum likelihood on log-parameters, the distribution of X(n) (eq. 8), P(alive) in the next
 * period (eq. 11), expected transactions (eq. 9) and conditional expected transactions (eq. 13).
 */
import { WorkbenchError } from '../../errors.js';
import { bfgs, centralDifferences } from '../../stats/bfgs.js';
import { nelderMead } from '../../stats/nelder-mead.js';
import { lnBeta, lnGamma } from '../../stats/special.js';
import { mleCovariance } from '../../stats/hessian.js';
import { clvMessages } from './messages.js';

/** BG/BB parameters. */
export interface BgbbParams {
  /** Beta shape of the transaction probability p (with β: mean α/(α+β)). */
  alpha: number;
  /** Beta shape of the transaction probability p. */
  beta: number;
  /** Beta shape of the dropout probability θ (with δ: mean γ/(γ+δ)). */
  gamma: number;
  /** Beta shape of the dropout probability θ. */
  delta: number;
}

/** Customers with the same (x, t_x, n): the unit the likelihood is summed over. */
export interface BgbbGroup {
  /** Periods with a transaction after the first. */
  x: number;
  /** The last period with a transaction, counted from the first (0 when x = 0). */
  t_x: number;
  /** Transaction opportunities after the first period. */
  n: number;
  /** Customers in the group. */
  count: number;
}

/** A fitted BG/BB model. */
export interface BgbbFit extends BgbbParams {
  /** Maximised log-likelihood. */
  logLikelihood: number;
  /** True when the final search met its tolerances. */
  converged: boolean;
  /** Parameters that ended at the search bound (10⁻⁶ or 10⁶). */
  atBound: Array<keyof BgbbParams>;
  /** Standard errors from the observed information on the log-parameters (delta method); null on a flat ridge. */
  standardErrors: BgbbParams | null;
  /** Covariance of [ln α, ln β, ln γ, ln δ] (null as `standardErrors`). */
  logCovariance: number[][] | null;
  customers: number;
  /** Customers with at least one transaction after their first period. */
  repeaters: number;
}

const NAMES: Array<keyof BgbbParams> = ['alpha', 'beta', 'gamma', 'delta'];
const LOG_BOUND = Math.log(1e6);
const STARTS: BgbbParams[] = [
  { alpha: 1, beta: 1, gamma: 1, delta: 1 },
  { alpha: 0.5, beta: 2, gamma: 0.5, delta: 5 },
  { alpha: 2, beta: 0.5, gamma: 2, delta: 0.5 },
];

const logAddExp = (a: number, b: number): number => {
  const m = Math.max(a, b);
  return m === -Infinity ? m : m + Math.log1p(Math.exp(-Math.abs(a - b)));
};

/** ln of the first term of eq. 5: alive through all n periods. */
function lnAliveThrough(p: BgbbParams, x: number, n: number): number {
  return (
    lnBeta(p.alpha + x, p.beta + n - x) -
    lnBeta(p.alpha, p.beta) +
    lnBeta(p.gamma, p.delta + n) -
    lnBeta(p.gamma, p.delta)
  );
}

/**
 * One customer's log-likelihood (eq. 5): alive through all n opportunities, or dropped out in one of the
 * periods t_x + 1 … n (after the last transaction).
 * @example bgbbCustomerLogLikelihood({ alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }, 2, 4, 6)
 */
export function bgbbCustomerLogLikelihood(p: BgbbParams, x: number, tx: number, n: number): number {
  let ll = lnAliveThrough(p, x, n);
  const ab = lnBeta(p.alpha, p.beta);
  const gd = lnBeta(p.gamma, p.delta);
  for (let i = 0; i <= n - tx - 1; i++) {
    ll = logAddExp(ll, lnBeta(p.alpha + x, p.beta + tx - x + i) - ab + lnBeta(p.gamma + 1, p.delta + tx + i) - gd);
  }
  return ll;
}

/**
 * Total log-likelihood over grouped rows (each weighted by its count).
 * @example bgbbLogLikelihood(fit, groups)
 */
export function bgbbLogLikelihood(p: BgbbParams, groups: readonly BgbbGroup[]): number {
  let ll = 0;
  for (const g of groups) ll += g.count * bgbbCustomerLogLikelihood(p, g.x, g.t_x, g.n);
  return ll;
}

const unpack = (v: readonly number[]): BgbbParams => ({
  alpha: Math.exp(v[0] ?? 0),
  beta: Math.exp(v[1] ?? 0),
  gamma: Math.exp(v[2] ?? 0),
  delta: Math.exp(v[3] ?? 0),
});

const whole = (v: number) => Number.isInteger(v) && v >= 0;

/**
 * Fit BG/BB by maximum likelihood on grouped (x, t_x, n) rows, from several starts on log-parameters.
 * Throws BAD_OPTION naming a row that is not a valid summary, NO_DATA when no customer came back.
 * @example const fit = fitBgbb([{ x: 6, t_x: 6, n: 6, count: 1203 }, { x: 0, t_x: 0, n: 6, count: 3464 }, …]);
 */
export function fitBgbb(groups: readonly BgbbGroup[]): BgbbFit {
  const bad = groups.find(
    (g) =>
      !(
        whole(g.x) &&
        whole(g.t_x) &&
        whole(g.n) &&
        g.x <= g.t_x &&
        g.t_x <= g.n &&
        (g.x === 0) === (g.t_x === 0) &&
        g.count > 0
      ),
  );
  if (bad) throw new WorkbenchError('BAD_OPTION', clvMessages.bgbbBadRow(bad), { row: bad });
  const customers = groups.reduce((s, g) => s + g.count, 0);
  const repeaters = groups.reduce((s, g) => s + (g.x > 0 ? g.count : 0), 0);
  if (repeaters === 0) throw new WorkbenchError('NO_DATA', clvMessages.bgbbNoRepeat(customers), { customers });
  const negLL = (v: number[]): number => {
    if (v.some((vi) => !(Math.abs(vi) <= LOG_BOUND))) return Infinity;
    const f = -bgbbLogLikelihood(unpack(v), groups) / customers;
    return Number.isFinite(f) ? f : Infinity;
  };
  // No closed-form gradient: central differences, two evaluations per parameter
  const objective = centralDifferences(negLL);
  const runs = STARTS.map((s) =>
    bfgs(
      objective,
      NAMES.map((k) => Math.log(s[k])),
      { gTolerance: 1e-8 },
    ),
  );
  const start = runs.reduce((m, run) => (run.f < m.f ? run : m));
  if (!Number.isFinite(start.f)) throw new WorkbenchError('NO_DATA', clvMessages.bgbbNotFinite(), {});
  const nm = start.converged ? start : nelderMead(negLL, start.x);
  const best = nm.f <= start.f ? nm : start;
  const params = unpack(best.x);
  const atBound = NAMES.filter((_, i) => Math.abs(best.x[i] ?? 0) > LOG_BOUND - 0.05);
  const logCovariance = mleCovariance(
    (v) => bgbbLogLikelihood(unpack(v), groups),
    best.x,
    1e-4,
    NAMES.map((k) => atBound.includes(k)),
  );
  const se = logCovariance && NAMES.map((k, i) => params[k] * Math.sqrt(logCovariance[i]?.[i] ?? NaN));
  return {
    ...params,
    logLikelihood: bgbbLogLikelihood(params, groups),
    converged: best.converged,
    atBound,
    standardErrors: se ? { alpha: se[0] ?? NaN, beta: se[1] ?? NaN, gamma: se[2] ?? NaN, delta: se[3] ?? NaN } : null,
    logCovariance,
    customers,
    repeaters,
  };
}

/** ln C(n, k). */
const lnChoose = (n: number, k: number) => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

/**
 * P(X(n) = x): the chance that a new customer transacts in exactly x of n opportunities (eq. 8).
 * @example customers * bgbbProbabilityOfX(fit, 0, 6) // expected customers who never came back
 */
export function bgbbProbabilityOfX(p: BgbbParams, x: number, n: number): number {
  const ab = lnBeta(p.alpha, p.beta);
  const gd = lnBeta(p.gamma, p.delta);
  let out = Math.exp(lnChoose(n, x) + lnAliveThrough(p, x, n));
  for (let i = x; i <= n - 1; i++) {
    out += Math.exp(lnChoose(i, x) + lnBeta(p.alpha + x, p.beta + i - x) - ab + lnBeta(p.gamma + 1, p.delta + i) - gd);
  }
  return out;
}

/**
 * E[X(n)]: expected transactions of a new customer in n opportunities (eq. 9). Needs γ > 1 for the
 * closed form's δ/(γ − 1); for γ ≤ 1 it is summed period by period.
 * @example bgbbExpected(fit, 6)
 */
export function bgbbExpected(p: BgbbParams, n: number): number {
  // Σ over periods t = 1 … n of P(transact in t) = E[p] · E[(1 − θ)^t]
  const mean = p.alpha / (p.alpha + p.beta);
  let sum = 0;
  for (let t = 1; t <= n; t++) sum += Math.exp(lnBeta(p.gamma, p.delta + t) - lnBeta(p.gamma, p.delta));
  return mean * sum;
}

/**
 * P(alive in period n + 1 | x, t_x, n): the chance that a customer with this history has not dropped out
 * by the next opportunity (eq. 11).
 * @example bgbbPAlive(fit, 2, 4, 6) // ≈ 0.59 on the donation data (Fader, Hardie & Shang, table 6)
 */
export function bgbbPAlive(p: BgbbParams, x: number, tx: number, n: number): number {
  const alive =
    lnBeta(p.alpha + x, p.beta + n - x) -
    lnBeta(p.alpha, p.beta) +
    lnBeta(p.gamma, p.delta + n + 1) -
    lnBeta(p.gamma, p.delta);
  return Math.exp(alive - bgbbCustomerLogLikelihood(p, x, tx, n));
}

/**
 * E[X(n, n + n*) | x, t_x, n]: expected transactions in the next `periods` opportunities of a customer
 * with this history (eq. 13), summed period by period so that γ ≤ 1 needs no special case.
 * @example bgbbConditionalExpected(fit, 5, 6, 6, 6) // a donor who gave in every one of six years
 */
export function bgbbConditionalExpected(p: BgbbParams, periods: number, x: number, tx: number, n: number): number {
  // alive through n with p ~ Beta(α + x + 1, β + n − x) tilted by the next transaction, then alive through n + k
  const head = lnBeta(p.alpha + x + 1, p.beta + n - x) - lnBeta(p.alpha, p.beta) - lnBeta(p.gamma, p.delta);
  const L = bgbbCustomerLogLikelihood(p, x, tx, n);
  let sum = 0;
  for (let k = 1; k <= periods; k++) sum += Math.exp(head + lnBeta(p.gamma, p.delta + n + k) - L);
  return sum;
}
