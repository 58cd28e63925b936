/** Options and result types of {@link clv} (kept apart so the analysis file stays readable). */
import type { BgnbdFit } from './bgnbd.js';
import type { ClvUnit } from './summary.js';
import type { GammaGammaFit, GammaGammaParams } from './gamma-gamma.js';
import type { BgnbdParams } from './bgnbd-objective.js';
import type { ParetoNbdFit, ParetoNbdParams } from './pareto-nbd.js';
import type { PurchaseModel, PurchaseModelKind } from './purchase-model.js';
import type { ClvTracking } from './tracking.js';
import type { DateInput } from '../shared/validate.js';
import type { Minimums, Sufficiency } from '../shared/sufficiency.js';

/** Options of `clv`. */
export interface ClvOptions {
  /** Last day of the calibration period (inclusive, UTC). @defaultValue the day of the last purchase in the data */
  calibrationEnd?: DateInput;
  /** Last day of the holdout period; enables the holdout check. @defaultValue no holdout */
  holdoutEnd?: DateInput;
  /** Time unit of t_x and T (the fitted α is per unit). @defaultValue 'weeks' */
  unit?: ClvUnit;
  /**
   * Purchase model that scores the customers: BG/NBD (dropout only right after a purchase) or
   * Pareto/NBD (dropout at any moment). @defaultValue 'bg-nbd'
   */
  model?: PurchaseModelKind;
  /**
   * Also fit the other purchase model and compare both on the holdout (needs `holdoutEnd`): total and
   * per-customer error, in `result.modelComparison`. @defaultValue false
   */
  compareModels?: boolean;
  /**
   * Parameter draws of the parametric bootstrap behind the 95% intervals (`low`, `high`) on predicted
   * value; 0 leaves the intervals out. @defaultValue 200
   */
  intervalDraws?: number;
  /** Seed of those draws. @defaultValue 29 */
  seed?: number;
  /** CLV horizon in months after the calibration end. @defaultValue 12 */
  horizonMonths?: number;
  /** Annual discount rate for CLV (0.1 = 10%), applied monthly. @defaultValue 0 */
  discountRate?: number;
  /** Share of spend that is margin; CLV = margin × expected spend. @defaultValue 1 (CLV in revenue) */
  margin?: number;
  /** P(alive) band limits, ascending in (0, 1): below the first = at risk, below the second = uncertain, else alive. @defaultValue [0.3, 0.7] */
  aliveBands?: [number, number];
  /** Cumulative customer shares of the CLV tiers top, high, medium (the rest is low). @defaultValue [0.1, 0.3, 0.6] */
  tierShares?: [number, number, number];
  /**
   * Fit both models on at most this many customers: all of them when there are fewer, else a
   * deterministic sample (the customers with the lowest hash of customer_id). Every customer is scored.
   * @defaultValue 100000
   */
  fitSample?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Per-customer table (re)created with {@link ClvCustomer} rows. @defaultValue 'clv' */
  table?: string;
  /** Calibration summary table (re)created on the way. @defaultValue 'clv_summary' */
  summaryTable?: string;
  /** Allow `table`/`summaryTable` to name an input table (`transactions`, `customers`) or `source`, replacing it. @defaultValue false */
  replace?: boolean;
  /**
   * Minimums the calibration data must meet for predictions worth reading, checked into `result.sufficiency`
   * (given ones replace the defaults one by one).
   * @defaultValue { customers: 500, historyDays: 365, repeatBuyers: 100, recentOrders: 1 }
   */
  minimums?: Minimums;
}

/** The options of a CLV run with every default filled in. */
export interface ClvOptionsUsed {
  calibrationEnd: Date;
  /** True when `calibrationEnd` was taken from the data. */
  calibrationEndFromData: boolean;
  holdoutEnd: Date | null;
  unit: ClvUnit;
  model: PurchaseModelKind;
  compareModels: boolean;
  intervalDraws: number;
  seed: number;
  horizonMonths: number;
  discountRate: number;
  margin: number;
  aliveBands: [number, number];
  tierShares: [number, number, number];
  fitSample: number;
  source: string;
  table: string;
  summaryTable: string;
  /** Minimums checked in `sufficiency`. */
  minimums: Minimums;
}

/** P(alive) bands. */
export type AliveBand = 'at_risk' | 'uncertain' | 'alive';
/** CLV tiers, highest first. */
export type ClvTier = 'top' | 'high' | 'medium' | 'low';

/** One row of the per-customer table. */
export interface ClvCustomer {
  customer_id: string;
  x: number;
  t_x: number;
  T: number;
  /** Mean spend per repeat purchase day in the calibration period. */
  monetary: number;
  p_alive: number;
  /** Expected purchases over the horizon (undiscounted). */
  expected_purchases: number;
  /** Gamma-Gamma expected spend per purchase. */
  expected_spend: number;
  /** margin × expected spend × discounted expected purchases. */
  clv: number;
  alive_band: AliveBand;
  clv_tier: ClvTier;
  /** Holdout purchases (null without a holdout). */
  x_holdout: number | null;
  /** Predicted holdout purchases (null without a holdout). */
  predicted_holdout: number | null;
}

/** Customers, expected purchases and CLV of one P(alive) band or CLV tier. */
export interface ClvGroupSummary<K extends string> {
  key: K;
  customers: number;
  share: number;
  expectedPurchases: number;
  clv: number;
  /** Share of the total CLV. */
  clvShare: number;
  /** Lowest and highest customer CLV in the group (0 when empty). */
  minClv: number;
  maxClv: number;
  meanPAlive: number;
  /** 95% interval on the group's CLV from the parametric bootstrap (null without intervals). */
  low: number | null;
  high: number | null;
}

/** Holdout check row: customers with `x` repeat purchases in calibration (the last row is "x or more"). */
export interface ClvHoldoutRow {
  x: number;
  /** True for the open-ended last group. */
  orMore: boolean;
  customers: number;
  /** Mean purchases in the holdout period. */
  actual: number;
  /** Mean prediction of the scoring model for the holdout period. */
  predicted: number;
}

/** One purchase model's error on the holdout. */
export interface ClvModelError {
  model: PurchaseModelKind;
  logLikelihood: number;
  /** Predicted holdout purchases, all customers. */
  predictedTotal: number;
  /** predictedTotal / actual total − 1. */
  totalError: number;
  /** Mean over customers of |actual − predicted| holdout purchases. */
  meanAbsoluteError: number;
  /** Root mean squared error per customer. */
  rootMeanSquaredError: number;
}

/** BG/NBD against Pareto/NBD on the holdout. */
export interface ClvModelComparison {
  actualTotal: number;
  models: [ClvModelError, ClvModelError];
  /** The model with the lower per-customer mean absolute error (ties: the lower total error). */
  better: PurchaseModelKind;
}

/** What `clv` returns: models, aggregates and checks; per-customer rows are in `table`. */
export interface ClvResult {
  table: string;
  options: ClvOptionsUsed;
  customers: number;
  repeatBuyers: number;
  /** Customers the models were fitted on (all, or the sample of `options.fitSample`). */
  fitCustomers: number;
  /** The BG/NBD fit (always made: it is the default model and the reference of the checks). */
  bgnbd: BgnbdFit;
  /** The Pareto/NBD fit, when `model` is 'pareto-nbd' or `compareModels` is set; else null. */
  paretoNbd: ParetoNbdFit | null;
  gammaGamma: GammaGammaFit;
  /**
   * Standard errors of the fitted parameters (observed information on the log-parameters, delta method
   * back to the parameters); null for a model that did not run or whose estimate lies at a bound.
   */
  standardErrors: { bgnbd: BgnbdParams | null; paretoNbd: ParetoNbdParams | null; gammaGamma: GammaGammaParams | null };
  /** Repeat buyers left out of the Gamma-Gamma fit (repeat purchases netting to ≤ 0), scored with the population mean. */
  gammaGammaSetAside: number;
  /** Correlation between x and mean spend among repeat buyers (Gamma-Gamma assumes ~0). */
  spendFrequencyCorrelation: number;
  /** Sum over customers over the horizon, with the 95% interval on the CLV (null without intervals). */
  totals: { expectedPurchases: number; clv: number; low: number | null; high: number | null };
  aliveBands: ClvGroupSummary<AliveBand>[];
  tiers: ClvGroupSummary<ClvTier>[];
  /** Customers per P(alive) tenth (10 bins, [0, 0.1) … [0.9, 1]). */
  pAliveHistogram: Array<{ from: number; to: number; customers: number }>;
  /** Model P(alive) of a customer observed for the longest T, over x × t_x. */
  pAliveMatrix: { T: number; cells: Array<{ x: number; t_x: number; pAlive: number }> };
  /** Holdout check (null without `holdoutEnd`). */
  holdout: null | { length: number; rows: ClvHoldoutRow[]; actualTotal: number; predictedTotal: number };
  /** Both purchase models on the holdout (with `compareModels` and `holdoutEnd`; else null). */
  modelComparison: null | ClvModelComparison;
  /**
   * Tracking check: the calibration customers' repeat purchases per week, actual beside the scoring model's
   * expectation, from the first purchase day through the calibration period and the holdout.
   */
  tracking: ClvTracking;
  /**
   * Is the data enough: customers, days of history, customers with 3+ orders and orders in the last 30 days,
   * all up to the end of `calibrationEnd`, against `options.minimums`.
   */
  sufficiency: Sufficiency;
  warnings: string[];
}

/** A fitted CLV model, ready to score customers. */
export interface ClvModel {
  /** Time unit of the purchase model's rates (the summary's unit when it was fitted). */
  unit: ClvUnit;
  /** The purchase model with its parameters. */
  purchases: PurchaseModel;
  /** Covariance of the purchase model's log-parameters (order of the parameters above); null without one. */
  purchasesLogCovariance: number[][] | null;
  /** Gamma-Gamma spend parameters. */
  spend: GammaGammaParams;
  /** Covariance of [ln p, ln q, ln γ]; null without one. */
  spendLogCovariance: number[][] | null;
  /** Last day of the calibration period the model was fitted on (for the record). */
  calibrationEnd: Date | null;
  /** Customers the purchase model was fitted on. */
  fitCustomers: number | null;
}
