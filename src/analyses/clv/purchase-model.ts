/**
 * The purchase models behind one interface: a fitted BG/NBD or Pareto/NBD with its parameters, and
 * the predictions the CLV table needs from either (P(alive), expected purchases over a horizon and
 * their discounted sum), so the scoring, the holdout check and the bootstrap do not branch on the model.
 */
import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdPAlive, type BgnbdParams } from './bgnbd.js';
import {
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  paretoNbdPAlive,
  type ParetoNbdParams,
} from './pareto-nbd.js';

/** The purchase model of a CLV run. */
export type PurchaseModelKind = 'bg-nbd' | 'pareto-nbd';

/** A purchase model with its parameters. */
export type PurchaseModel = { kind: 'bg-nbd'; params: BgnbdParams } | { kind: 'pareto-nbd'; params: ParetoNbdParams };

/** Parameter names in the order of the log-covariance matrices. */
export const PARAMETER_NAMES = {
  'bg-nbd': ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
} as const;

/** The model with parameters read from log-values in {@link PARAMETER_NAMES} order. */
export function modelFromLog(kind: PurchaseModelKind, v: readonly number[]): PurchaseModel {
  const e = v.map(Math.exp);
  return kind === 'bg-nbd'
    ? { kind, params: { r: e[0] ?? NaN, alpha: e[1] ?? NaN, a: e[2] ?? NaN, b: e[3] ?? NaN } }
    : { kind, params: { r: e[0] ?? NaN, alpha: e[1] ?? NaN, s: e[2] ?? NaN, beta: e[3] ?? NaN } };
}

/** The log-parameters of a model in {@link PARAMETER_NAMES} order. */
export function modelToLog(m: PurchaseModel): number[] {
  return m.kind === 'bg-nbd'
    ? [m.params.r, m.params.alpha, m.params.a, m.params.b].map(Math.log)
    : [m.params.r, m.params.alpha, m.params.s, m.params.beta].map(Math.log);
}

/**
 * P(alive | x, t_x, T) under the model.
 * @example pAlive({ kind: 'pareto-nbd', params: fit }, x, tx, T)
 */
export function pAlive(m: PurchaseModel, x: number, tx: number, T: number): number {
  return m.kind === 'bg-nbd' ? bgnbdPAlive(m.params, x, tx, T) : paretoNbdPAlive(m.params, x, tx, T);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods under the model.
 * @example conditionalExpected({ kind: 'bg-nbd', params: fit }, 52, x, tx, T)
 */
export function conditionalExpected(m: PurchaseModel, t: number, x: number, tx: number, T: number): number {
  return m.kind === 'bg-nbd'
    ? bgnbdConditionalExpected(m.params, t, x, tx, T)
    : paretoNbdConditionalExpected(m.params, t, x, tx, T);
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a customer who has just made a first purchase.
 * @example expectedPurchases({ kind: 'bg-nbd', params: fit }, 52)
 */
export function expectedPurchases(m: PurchaseModel, t: number): number {
  return m.kind === 'bg-nbd' ? bgnbdExpectedPurchases(m.params, t) : paretoNbdExpectedPurchases(m.params, t);
}

/** The CLV horizon in summary units. */
export interface Horizon {
  /** Months ahead. */
  months: number;
  /** Annual discount rate (0.1 = 10%), applied per month. */
  discountRate: number;
  /** Summary time units per year (365.25 / 7 for weeks, 365.25 for days). */
  unitsPerYear: number;
}

/**
 * Expected purchases over the horizon, discounted month by month:
 * Σₖ (E[Y(k·s)] − E[Y((k−1)·s)]) / (1 + d)^(k/12), s = one month in summary units; without discounting
 * simply E[Y(horizon)].
 * @example discountedExpected(model, x, tx, T, { months: 12, discountRate: 0.1, unitsPerYear: 365.25 / 7 })
 */
export function discountedExpected(m: PurchaseModel, x: number, tx: number, T: number, h: Horizon): number {
  const step = h.unitsPerYear / 12;
  if (h.discountRate === 0) return conditionalExpected(m, h.months * step, x, tx, T);
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= h.months; k++) {
    const e = conditionalExpected(m, k * step, x, tx, T);
    total += (e - previous) / (1 + h.discountRate) ** (k / 12);
    previous = e;
  }
  return total;
}
