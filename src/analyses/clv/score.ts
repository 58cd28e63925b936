/**
 * Scoring with a model fitted before (`clvModel` of a `clv` result, or `modelFromJson` of a saved one):
 * the calibration summary of the given transactions is built in SQL, the model's predictions are made
 * per distinct (x, t_x, T) and joined back to every customer, as `clv` does — without fitting anything.
 */
import type { Workbench } from '../../workbench.js';
import { quoteIdentifier } from '../../sql.js';
import { checkOptionKeys, optionKeys } from '../shared/validate.js';
import { tagResult } from '../../inspect.js';
import { clvAggregates } from './aggregates.js';
import {
  clvTableSql,
  groupPredictions,
  lastPurchaseDay,
  resolveClvOptions,
  RESULT_GROUPINGS,
  withIntervals,
  writeGroupPredictions,
} from './index.js';
import { modelIntervals } from './scoring.js';
import { clvGroups, clvSummary } from './summary.js';
import { clvMessages } from './messages.js';
import type { ClvModel, ClvOptions, ClvOptionsUsed, ClvResult } from './types.js';

/** Options of {@link clvScore}: those of `clv` that concern scoring (the model's unit and kind are the model's). */
export type ClvScoreOptions = Pick<
  ClvOptions,
  | 'calibrationEnd'
  | 'intervalDraws'
  | 'seed'
  | 'horizonMonths'
  | 'discountRate'
  | 'margin'
  | 'aliveBands'
  | 'tierShares'
  | 'source'
  | 'table'
  | 'summaryTable'
  | 'replace'
>;

/** What {@link clvScore} returns: the scored table and its aggregates. */
export interface ClvScoreResult extends Pick<
  ClvResult,
  'totals' | 'aliveBands' | 'tiers' | 'pAliveHistogram' | 'spendFrequencyCorrelation'
> {
  table: string;
  /** The options used (unit and model from the model). */
  options: ClvOptionsUsed;
  /** The model that scored. */
  model: ClvModel;
  customers: number;
  repeatBuyers: number;
  warnings: string[];
}

const SCORE_KEYS = optionKeys<ClvScoreOptions>({
  calibrationEnd: true,
  intervalDraws: true,
  seed: true,
  horizonMonths: true,
  discountRate: true,
  margin: true,
  aliveBands: true,
  tierShares: true,
  source: true,
  table: true,
  summaryTable: true,
  replace: true,
});

/**
 * Score every customer of `options.source` with a fitted model, without refitting: P(alive), expected
 * purchases, expected spend and CLV over the horizon, P(alive) band and CLV tier, into `options.table`
 * ({@link ClvCustomer} rows; the holdout columns are null), with 95% intervals when the model carries its
 * covariances. The customers' histories run to `calibrationEnd` (default: the last purchase day).
 * @example const s = await clvScore(wb, modelFromJson(readFileSync('model.json', 'utf8')), { source: 'new_orders' });
 */
export async function clvScore(wb: Workbench, model: ClvModel, options: ClvScoreOptions = {}): Promise<ClvScoreResult> {
  checkOptionKeys('clvScore', options, SCORE_KEYS);
  const source = options.source ?? 'transactions';
  const o = resolveClvOptions(
    { ...options, unit: model.unit, model: model.purchases.kind },
    await lastPurchaseDay(wb, source),
  );
  const summary = await clvSummary(wb, {
    calibrationEnd: o.calibrationEnd,
    unit: o.unit,
    source,
    table: o.summaryTable,
    ...(options.replace ? { replace: true } : {}),
  });
  const groups = await clvGroups(wb, o.summaryTable);
  const gt = await writeGroupPredictions(wb, groupPredictions(model.purchases, null, groups, o, 0));
  try {
    await wb.run(clvTableSql(o, quoteIdentifier(o.summaryTable), gt), {
      p: model.spend.p,
      q: model.spend.q,
      gg: model.spend.gamma,
      margin: o.margin,
      b1: o.aliveBands[0],
      b2: o.aliveBands[1],
      s1: o.tierShares[0],
      s2: o.tierShares[1],
      s3: o.tierShares[2],
    });
  } finally {
    await wb.run(`drop table if exists ${gt}`);
  }
  const agg = await clvAggregates(wb, o, model.purchases);
  const rest = {
    totals: agg.totals,
    aliveBands: agg.aliveBands,
    tiers: agg.tiers,
    pAliveHistogram: agg.pAliveHistogram,
    spendFrequencyCorrelation: agg.spendFrequencyCorrelation,
  };
  const warnings: string[] = [];
  const intervals = o.intervalDraws > 0 ? await modelIntervals(wb, o.table, o, model, RESULT_GROUPINGS) : null;
  if (o.intervalDraws > 0 && !intervals) warnings.push(clvMessages.warnNoModelCovariance());
  const result: ClvScoreResult = {
    table: o.table,
    options: o,
    model,
    customers: summary.customers,
    repeatBuyers: summary.repeatBuyers,
    ...(intervals ? withIntervals(rest, intervals) : rest),
    warnings,
  };
  return tagResult(result, 'ClvScoreResult');
}
