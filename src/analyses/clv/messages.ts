/** Messages of the CLV analysis (BG/NBD + Gamma-Gamma): options, fits, and its warnings. */
import { isoDay } from '../../messages/format.js';

/** The four BG/NBD parameters, as the messages show them. */
export interface BgnbdShown {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Message builders for clv(), clvSummary() and the model fits. */
export const clvMessages = {
  // options
  badAliveBands: (bands: readonly number[]) =>
    `aliveBands must be two ascending numbers in (0, 1), got [${bands.join(', ')}].`,
  badTierShares: (shares: readonly number[]) =>
    `tierShares must be three ascending shares in (0, 1), got [${shares.join(', ')}].`,
  badIntervalDraws: (draws: number) => `intervalDraws must be 0 (no intervals) or at least 2, got ${draws}.`,
  badCompareModels: (value: unknown) => `compareModels must be true or false, got ${JSON.stringify(value)}.`,
  badCalibrationEnd: () => 'calibrationEnd must be a valid date (the last day of the calibration period).',
  holdoutNotAfter: (holdoutEnd: Date | undefined, calibrationEnd: Date) =>
    `holdoutEnd (${holdoutEnd?.toISOString()}) must be a day after calibrationEnd (${calibrationEnd.toISOString()}).`,

  // model files
  modelNotJson: (reason: string) =>
    `The CLV model is not valid JSON (${reason}). Pass the text written by modelToJson, unchanged.`,
  badModelJson: (field: string, expected: string, got: unknown) =>
    `The CLV model's ${field} must be ${expected}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}. Pass the text written by modelToJson, unchanged.`,
  modelTooNew: (version: number, supported: number) =>
    `The CLV model is of format version ${version}, written by a newer segment-workbench; this version reads up to ${supported}. Update segment-workbench, or refit the model with this version.`,
  warnNoModelCovariance: () =>
    'No intervals on predicted value: the model carries no covariance of its parameters (refit it, or pass intervalDraws: 0).',

  // data
  noPurchases: (source: string) => `Table ${source} has no purchases.`,
  noCalibrationCustomers: (source: string, calibrationEnd: Date) =>
    `No customer in ${source} has a purchase on or before the calibration end ${isoDay(calibrationEnd)}.`,

  // fits
  nonFinitePredictions: (what: string, model: 'bg-nbd' | 'pareto-nbd', params: object) =>
    `The fitted ${model === 'bg-nbd' ? 'BG/NBD' : 'Pareto/NBD'} model gives non-finite ${what} predictions (${Object.entries(
      params,
    )
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}); the data do not support a usable fit.`,
  noRepeatBuyers: (customers: number) =>
    `BG/NBD needs repeat buyers to fit: none of the ${customers} customer(s) bought again in the calibration period. Use a longer calibration period or data with repeat purchases.`,
  badSummaryRow: (row: { x: number; t_x: number; T: number }) =>
    `invalid summary row: x = ${row.x}, t_x = ${row.t_x}, T = ${row.T} (need x ≥ 0, 0 ≤ t_x ≤ T, t_x > 0 when x > 0).`,
  bgnbdNotFinite: () => 'BG/NBD could not be fitted: the likelihood is not finite at any start.',
  gammaGammaBadRows: (rows: ReadonlyArray<{ row: number; x: number; monetary: number }>) =>
    `Gamma-Gamma needs repeat buyers with a positive mean spend; ${rows.length} row(s) are not: ${rows
      .slice(0, 5)
      .map((r) => `row ${r.row} (x = ${r.x}, mean spend = ${r.monetary})`)
      .join(
        ', ',
      )}${rows.length > 5 ? ', …' : ''}. Leave out customers with x = 0, and customers whose repeat purchases sum to zero or less.`,
  paretoNbdNotFinite: () => 'Pareto/NBD could not be fitted: the likelihood is not finite at any start.',
  bgbbNoRepeat: (customers: number) =>
    `BG/BB needs customers who came back: none of the ${customers} customer(s) made a transaction after their first period. Use more periods or data with repeat transactions.`,
  bgbbBadRow: (row: { x: number; t_x: number; n: number; count: number }) =>
    `invalid BG/BB summary row: x = ${row.x}, t_x = ${row.t_x}, n = ${row.n}, count = ${row.count} (need whole numbers with 0 ≤ x ≤ t_x ≤ n, t_x = 0 when x = 0, t_x ≥ 1 when x > 0, count > 0).`,
  bgbbNotFinite: () => 'BG/BB could not be fitted: the likelihood is not finite at any start.',
  warnNotDiscrete: (share: number, period: string) =>
    `${(100 * share).toFixed(1)}% of customer-${period}s hold purchases on more than one day: BG/BB counts at most one transaction per ${period}, so this data may not be of the discrete kind (BG/NBD or Pareto/NBD on the purchase days fit it better).`,
  bgbbBadPeriod: (value: unknown) => `period must be 'year', 'quarter' or 'month', got ${JSON.stringify(value)}.`,
  gammaGammaTooFew: (rows: number) => `Gamma-Gamma needs at least 2 repeat buyers with spend; got ${rows}.`,
  gammaGammaNotFinite: () => 'Gamma-Gamma could not be fitted: the likelihood is not finite at any start.',

  // warnings
  warnBgnbdNotConverged: (iterations: number) =>
    `BG/NBD did not converge in ${iterations} iterations; treat the parameters with care.`,
  warnGammaGammaSetAside: (count: number, examples: string) =>
    `${count} repeat buyer(s) whose repeat purchases net to zero or less (${count === 1 ? 'the customer' : 'e.g. the customers'} of ${examples}) were left out of the Gamma-Gamma fit; their expected spend is the population mean.`,
  warnParetoNbdNotConverged: (iterations: number) =>
    `Pareto/NBD did not converge in ${iterations} iterations; treat the parameters with care.`,
  warnParetoNbdAtBound: (params: readonly string[]) =>
    `Pareto/NBD parameter(s) ${params.join(', ')} reached the search bound (10⁻⁶ or 10⁶): the data fit a limit of the model. Predictions are usable; the parameter values themselves are not meaningful.`,
  warnNoIntervals: (which: readonly string[]) =>
    `No intervals on predicted value: the ${which.join(' and ')} fit has no usable standard errors (an estimate at a bound or on a flat ridge of the likelihood).`,
  warnNoComparison: () => 'compareModels needs holdoutEnd: without a holdout period the two models cannot be compared.',
  warnGammaGammaNotConverged: (iterations: number) => `Gamma-Gamma did not converge in ${iterations} iterations.`,
  warnNoDropout: (a: number, b: number) =>
    `BG/NBD finds almost no sign of dropout (a = ${a.toPrecision(3)}, b = ${b.toPrecision(3)}: a drop-out chance of ${((100 * a) / (a + b)).toPrecision(2)}% per purchase), so P(alive) is close to 1 for everyone; a longer calibration period may show dropout.`,
  warnBgnbdAtBound: (params: readonly string[]) =>
    `BG/NBD parameter(s) ${params.join(', ')} reached the search bound (10⁻⁶ or 10⁶): the data fit a limit of the model (e.g. customers hardly differ in dropout chance). Predictions are usable; the parameter values themselves are not meaningful.`,
  warnGammaGammaAtBound: (params: readonly string[]) =>
    `Gamma-Gamma parameter(s) ${params.join(', ')} reached the search bound (10⁻⁶ or 10⁶): spend hardly varies within customers or between them; expected spend is close to each customer's own mean.`,
  warnFewRepeatBuyers: (repeatBuyers: number) => `Only ${repeatBuyers} repeat buyers: the fits are uncertain.`,
  warnUnboundedSpend: (q: number) =>
    `Gamma-Gamma q = ${q.toFixed(2)} ≤ 1: the population mean spend is unbounded; expected spend of one-time buyers is not meaningful.`,
  warnSpendFrequencyCorrelated: (r: number) =>
    `Spend and purchase frequency are correlated (r = ${r.toFixed(2)}) among repeat buyers; Gamma-Gamma assumes they are independent, so CLV may be biased.`,
} as const;
