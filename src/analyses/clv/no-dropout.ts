/**
 * The limit both purchase models reduce to when nobody drops out: the NBD of purchase timing, each customer
 * buying as a Poisson process with rate λ ~ Gamma(r, α) for ever (Pareto/NBD with a mean dropout rate s/β → 0).
 * Fitted on its own, in closed form with an analytic gradient, so a Pareto/NBD fit can tell whether its best
 * point is any better than this limit: on data without dropout its search creeps along a flat ridge towards it.
 */
import { bfgs } from '../../stats/bfgs.js';
import { digamma, lnGamma } from '../../stats/special.js';
import type { ClvGroup } from './summary.js';

/** The fitted no-dropout limit. */
export interface NoDropoutFit {
  /** Shape of the purchase-rate gamma. */
  r: number;
  /** Scale of the purchase-rate gamma (in the summary's time unit). */
  alpha: number;
  /** Maximised log-likelihood, Σ count · [ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T)]. */
  logLikelihood: number;
  /** True when the search met its tolerances. */
  converged: boolean;
}

const LOG_BOUND = Math.log(1e6);

/**
 * Fit the no-dropout limit by maximum likelihood on the grouped summary (BFGS on ln r, ln α from r = α = 1).
 * @example fitNoDropout(groups).logLikelihood // compare with a Pareto/NBD fit's
 */
export function fitNoDropout(groups: readonly ClvGroup[]): NoDropoutFit {
  const customers = groups.reduce((s, g) => s + g.count, 0);
  // per customer and negated, with the gradient on the log-parameters
  const negLL = ([lr = 0, la = 0]: number[]) => {
    const [r, alpha] = [Math.exp(lr), Math.exp(la)];
    let [f, dr, da] = [0, 0, 0];
    for (const g of groups) {
      f += g.count * (lnGamma(r + g.x) - lnGamma(r) + r * Math.log(alpha) - (r + g.x) * Math.log(alpha + g.T));
      dr += g.count * (digamma(r + g.x) - digamma(r) + Math.log(alpha) - Math.log(alpha + g.T));
      da += g.count * (r / alpha - (r + g.x) / (alpha + g.T));
    }
    return { f: -f / customers, g: [(-dr * r) / customers, (-da * alpha) / customers] };
  };
  const run = bfgs(negLL, [0, 0], { bound: LOG_BOUND });
  const [r, alpha] = run.x.map(Math.exp) as [number, number];
  return { r, alpha, logLikelihood: -run.f * customers, converged: run.converged };
}

/** Within this many log-likelihood units of the best point found, the no-dropout limit is the fit. */
export const LIMIT_TOLERANCE = 1e-3;

/**
 * A Pareto/NBD search's best point (`f`: negative log-likelihood per customer at log-parameters `x`), or the
 * limit without dropout — r and α of {@link fitNoDropout}, s and β on their bounds e^∓`logBound` — when that
 * limit is as likely within {@link LIMIT_TOLERANCE}: the search then only crept along the flat ridge towards it.
 * @example const best = noDropoutLimit(groups, searched, negLL, Math.log(1e6));
 */
export function noDropoutLimit<T extends { x: number[]; f: number; converged: boolean; iterations: number }>(
  groups: readonly ClvGroup[],
  searched: T,
  negLL: (v: number[]) => number,
  logBound: number,
): T | { x: number[]; f: number; converged: boolean; iterations: number } {
  const customers = groups.reduce((s, g) => s + g.count, 0);
  const nbd = fitNoDropout(groups);
  const x = [Math.log(nbd.r), Math.log(nbd.alpha), -logBound, logBound];
  const f = negLL(x);
  return nbd.converged && (f - searched.f) * customers <= LIMIT_TOLERANCE
    ? { x, f, converged: true, iterations: searched.iterations }
    : searched;
}
