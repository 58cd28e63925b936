/**
 * Predictive customer value: who is still a customer, what will they buy, what are they worth.
 * Builds the calibration summary in SQL ({@link clvSummary}), fits BG/NBD on its (x, t_x, T) groups
 * and Gamma-Gamma on the repeat buyers' mean spends, computes the per-group predictions (P(alive),
 * expected purchases, discounted purchases) once per distinct (x, t_x, T) in JS — the special
 * functions have no SQL form — and joins them back to every customer in DuckDB, where spend, CLV,
 * P(alive) bands and CLV tiers are added. The result holds models and aggregates; rows stay in `table`.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { fitBgnbd } from './bgnbd.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { clvGroups, clvSummary, utcDay } from './summary.js';
import { fitGammaGamma, selectGammaGammaRows } from './gamma-gamma.js';
import { clvAggregates, holdoutRows } from './aggregates.js';
import { conditionalExpected, discountedExpected, pAlive, type PurchaseModel } from './purchase-model.js';
import { clvHorizon, clvIntervals, scoringModel } from './scoring.js';
import { clvTracking } from './tracking.js';
import type { ClvModelComparison, ClvOptions, ClvOptionsUsed, ClvResult } from './types.js';

export type {
  ClvOptions,
  ClvOptionsUsed,
  ClvResult,
  ClvCustomer,
  ClvGroupSummary,
  ClvHoldoutRow,
  AliveBand,
  ClvTier,
  ClvModelComparison,
  ClvModelError,
} from './types.js';
export type { ClvTracking, ClvTrackingWeek } from './tracking.js';
import { messages } from '../../messages.js';
import {
  checkOptionKeys,
  keyword,
  numberInRange,
  optionalDate,
  optionKeys,
  outputTable,
  wholeNumber,
  type NumberRange,
} from '../shared/validate.js';
import { dataSufficiency, resolveMinimums } from '../shared/sufficiency.js';
import { tagResult } from '../../inspect.js';
import { clvMessages } from './messages.js';
import { customerExamples } from '../../privacy/example-rows.js';

/** Allowed `margin`: a share of revenue in (0, 1]. */
export const CLV_MARGIN: NumberRange = { min: 0, max: 1, minOpen: true };
/** Allowed `discountRate`: ≥ 0 per year. */
export const CLV_DISCOUNT_RATE: NumberRange = { min: 0, hint: '0.1 = 10% a year' };

const CLV_KEYS = optionKeys<ClvOptions>({
  calibrationEnd: true,
  holdoutEnd: true,
  unit: true,
  model: true,
  compareModels: true,
  intervalDraws: true,
  seed: true,
  horizonMonths: true,
  discountRate: true,
  margin: true,
  aliveBands: true,
  tierShares: true,
  fitSample: true,
  source: true,
  table: true,
  summaryTable: true,
  replace: true,
  minimums: true,
});

/** The options with every default filled in and checked (`lastDay`: the default calibration end). */
export function resolveClvOptions(options: ClvOptions, lastDay: Date): ClvOptionsUsed {
  const calibrationEnd = optionalDate('calibrationEnd', options.calibrationEnd);
  const holdoutEnd = optionalDate('holdoutEnd', options.holdoutEnd);
  const source = options.source ?? 'transactions';
  const protect = { source, ...(options.replace ? { replace: true } : {}) };
  const o: ClvOptionsUsed = {
    calibrationEnd: utcDay(calibrationEnd ?? lastDay),
    calibrationEndFromData: calibrationEnd === undefined,
    holdoutEnd: holdoutEnd === undefined ? null : utcDay(holdoutEnd),
    unit: options.unit ?? 'weeks',
    model: options.model ?? 'bg-nbd',
    compareModels: options.compareModels ?? false,
    intervalDraws: options.intervalDraws ?? 200,
    seed: options.seed ?? 29,
    horizonMonths: options.horizonMonths ?? 12,
    discountRate: options.discountRate ?? 0,
    margin: options.margin ?? 1,
    aliveBands: options.aliveBands ?? [0.3, 0.7],
    tierShares: options.tierShares ?? [0.1, 0.3, 0.6],
    fitSample: options.fitSample ?? 100_000,
    source,
    table: outputTable('clv', options.table, 'clv', protect),
    summaryTable: outputTable('clv', options.summaryTable, 'clv_summary', protect),
    minimums: resolveMinimums('clv', options.minimums),
  };
  const ascending = (v: number[]) => v.every((x, i) => x > 0 && x < 1 && (i === 0 || x > (v[i - 1] ?? 1)));
  wholeNumber('fitSample', o.fitSample, 100);
  wholeNumber('horizonMonths', o.horizonMonths);
  numberInRange('discountRate', o.discountRate, CLV_DISCOUNT_RATE);
  numberInRange('margin', o.margin, CLV_MARGIN);
  keyword('unit', o.unit, ['days', 'weeks']);
  keyword('model', o.model, ['bg-nbd', 'pareto-nbd']);
  if (typeof o.compareModels !== 'boolean')
    throw new WorkbenchError('BAD_OPTION', clvMessages.badCompareModels(o.compareModels), {});
  wholeNumber('intervalDraws', o.intervalDraws, 0, 100_000);
  if (o.intervalDraws === 1) throw new WorkbenchError('BAD_OPTION', clvMessages.badIntervalDraws(o.intervalDraws), {});
  wholeNumber('seed', o.seed, 0);
  if (o.aliveBands.length !== 2 || !ascending(o.aliveBands))
    throw new WorkbenchError('BAD_OPTION', clvMessages.badAliveBands(o.aliveBands), {});
  if (o.tierShares.length !== 3 || !ascending(o.tierShares))
    throw new WorkbenchError('BAD_OPTION', clvMessages.badTierShares(o.tierShares), {});
  return o;
}

/** Per-group predictions, as JSON lists bound to the join query; `other` adds the other model's holdout prediction. */
export function groupPredictions(
  model: PurchaseModel,
  other: PurchaseModel | null,
  groups: Array<{ x: number; t_x: number; T: number }>,
  o: ClvOptionsUsed,
  holdoutLength: number,
) {
  const horizon = clvHorizon(o);
  const cols = {
    p_alive: [] as number[],
    expected: [] as number[],
    discounted: [] as number[],
    holdout: [] as number[],
    holdout_other: [] as number[],
  };
  for (const g of groups) {
    cols.p_alive.push(pAlive(model, g.x, g.t_x, g.T));
    const expected = conditionalExpected(model, (horizon.months * horizon.unitsPerYear) / 12, g.x, g.t_x, g.T);
    cols.expected.push(expected);
    // undiscounted, the monthly increments add up to the horizon's expectation
    cols.discounted.push(o.discountRate === 0 ? expected : discountedExpected(model, g.x, g.t_x, g.T, horizon));
    cols.holdout.push(holdoutLength > 0 ? conditionalExpected(model, holdoutLength, g.x, g.t_x, g.T) : 0);
    cols.holdout_other.push(
      holdoutLength > 0 && other ? conditionalExpected(other, holdoutLength, g.x, g.t_x, g.T) : 0,
    );
  }
  const bad = Object.entries(cols).find(([, v]) => v.some((x) => !Number.isFinite(x)));
  if (bad)
    throw new WorkbenchError('NO_DATA', clvMessages.nonFinitePredictions(bad[0], model.kind, model.params), {
      params: model.params,
    });
  return cols;
}

/**
 * Fit BG/NBD + Gamma-Gamma on a calibration period and score every customer: P(alive), expected
 * purchases and CLV over a horizon, P(alive) band and CLV tier; with `holdoutEnd`, the holdout check.
 * Creates (or replaces) `options.table` with one {@link ClvCustomer} row per customer.
 * @example const r = await clv(wb, { calibrationEnd: new Date('2011-09-08'), holdoutEnd: new Date('2011-12-09') });
 */
export async function clv(wb: Workbench, options: ClvOptions = {}): Promise<ClvResult> {
  checkOptionKeys('clv', options, CLV_KEYS);
  const source = options.source ?? 'transactions';
  const lastDay = await lastPurchaseDay(wb, source);
  const o = resolveClvOptions(options, lastDay);
  const summary = await clvSummary(wb, {
    calibrationEnd: o.calibrationEnd,
    unit: o.unit,
    source,
    table: o.summaryTable,
    ...(o.holdoutEnd ? { holdoutEnd: o.holdoutEnd } : {}),
  });
  const st = quoteIdentifier(o.summaryTable);
  const groups = await clvGroups(wb, o.summaryTable);
  // the fit sample: the summary itself, or a temp table of the customers with the lowest hash
  const sampled = summary.customers > o.fitSample;
  const fitTable = sampled ? wb.tempName('clv_fit') : o.summaryTable;
  if (sampled) {
    await wb.run(
      `create or replace temp table ${quoteIdentifier(fitTable)} as select * from ${st} order by hash(customer_id), customer_id limit $n`,
      { n: o.fitSample },
    );
  }
  let bgnbd: ClvResult['bgnbd'];
  let paretoNbd: ClvResult['paretoNbd'] = null;
  let repeat: Array<{ customerId: string; x: number; monetary: number }>;
  try {
    const fitGroups = sampled ? await clvGroups(wb, fitTable) : groups;
    bgnbd = fitBgnbd(fitGroups);
    if (o.model === 'pareto-nbd' || o.compareModels) paretoNbd = fitParetoNbd(fitGroups);
    repeat = await wb.query(
      `select customer_id as "customerId", x, monetary from ${quoteIdentifier(fitTable)} where x > 0 order by customer_id`,
    );
  } finally {
    if (sampled) await wb.run(`drop table if exists ${quoteIdentifier(fitTable)}`);
  }
  // Repeat buyers whose repeat purchases net to ≤ 0 carry no spend level to learn from: the model is
  // fitted on the others, and they are scored with the population mean (as customers without repeats).
  const selected = selectGammaGammaRows(repeat);
  const gammaGamma = fitGammaGamma(selected.fit);

  const fits = { bgnbd, paretoNbd, options: o };
  const model = scoringModel(fits);
  const other = paretoNbd
    ? scoringModel({ ...fits, options: { ...o, model: o.model === 'bg-nbd' ? 'pareto-nbd' : 'bg-nbd' } })
    : null;
  const cols = groupPredictions(model, other, groups, o, summary.holdoutLength);
  const gt = await writeGroupPredictions(wb, cols);
  let modelComparison: ClvModelComparison | null = null;
  try {
    await wb.run(clvTableSql(o, st, gt), {
      p: gammaGamma.p,
      q: gammaGamma.q,
      gg: gammaGamma.gamma,
      margin: o.margin,
      b1: o.aliveBands[0],
      b2: o.aliveBands[1],
      s1: o.tierShares[0],
      s2: o.tierShares[1],
      s3: o.tierShares[2],
    });
    if (other && paretoNbd && o.holdoutEnd)
      modelComparison = await compareOnHoldout(wb, st, gt, model.kind, {
        'bg-nbd': bgnbd.logLikelihood,
        'pareto-nbd': paretoNbd.logLikelihood,
      });
  } finally {
    await wb.run(`drop table if exists ${gt}`);
  }

  const warnings = fitWarnings(bgnbd, paretoNbd, gammaGamma, o);
  if (summary.repeatBuyers < 100) warnings.push(clvMessages.warnFewRepeatBuyers(summary.repeatBuyers));
  if (gammaGamma.q <= 1) warnings.push(clvMessages.warnUnboundedSpend(gammaGamma.q));
  if (selected.setAside.length > 0) {
    warnings.push(
      clvMessages.warnGammaGammaSetAside(
        selected.setAside.length,
        await customerExamples(
          wb,
          selected.setAside.slice(0, 3).map((r) => r.customerId),
        ),
      ),
    );
  }
  if (o.compareModels && !o.holdoutEnd) warnings.push(clvMessages.warnNoComparison());
  const agg = await clvAggregates(wb, o, model);
  if (Math.abs(agg.spendFrequencyCorrelation) > SPEND_FREQUENCY_CORRELATION) {
    warnings.push(clvMessages.warnSpendFrequencyCorrelated(agg.spendFrequencyCorrelation));
  }
  const result: ClvResult = {
    table: o.table,
    options: o,
    customers: summary.customers,
    repeatBuyers: summary.repeatBuyers,
    fitCustomers: bgnbd.customers,
    bgnbd,
    paretoNbd,
    gammaGamma,
    standardErrors: {
      bgnbd: bgnbd.standardErrors,
      paretoNbd: paretoNbd?.standardErrors ?? null,
      gammaGamma: gammaGamma.standardErrors,
    },
    gammaGammaSetAside: selected.setAside.length,
    ...agg,
    holdout: o.holdoutEnd ? { length: summary.holdoutLength, ...(await holdoutRows(wb, o.table)) } : null,
    modelComparison,
    tracking: await clvTracking(wb, {
      source,
      summary: o.summaryTable,
      model,
      calibrationEnd: o.calibrationEnd,
      end: o.holdoutEnd ?? o.calibrationEnd,
      perUnit: o.unit === 'weeks' ? 7 : 1,
    }),
    // calibrationEnd is a whole day, included: the facts are read up to the start of the next day
    sufficiency: await dataSufficiency(wb, 'clv', {
      asOf: new Date(o.calibrationEnd.getTime() + 86_400_000),
      source,
      minimums: o.minimums,
    }),
    warnings,
  };
  if (o.intervalDraws > 0) {
    const intervals = await clvIntervals(wb, result, RESULT_GROUPINGS);
    if (intervals) {
      Object.assign(result, withIntervals(result, intervals));
    } else {
      warnings.push(
        clvMessages.warnNoIntervals(
          [model.kind === 'bg-nbd' ? 'BG/NBD' : 'Pareto/NBD', 'Gamma-Gamma'].filter(
            (_, i) =>
              (i === 0
                ? model.kind === 'bg-nbd'
                  ? bgnbd.logCovariance
                  : paretoNbd?.logCovariance
                : gammaGamma.logCovariance) == null,
          ),
        ),
      );
    }
  }
  return tagResult(result, 'ClvResult');
}

/** The day of the last purchase in `source` (the default calibration end); NO_DATA without table or purchases. */
export async function lastPurchaseDay(wb: Workbench, source: string): Promise<Date> {
  if (!(await wb.hasTable(source))) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const [last] = await wb.query(
    `select date_trunc('day', max(order_date)) as d from ${quoteIdentifier(source)} where not is_return`,
  );
  if (!(last?.['d'] instanceof Date)) throw new WorkbenchError('NO_DATA', clvMessages.noPurchases(source), { source });
  return last['d'];
}

/** The per-group predictions as a temp table (g, p_alive, expected, discounted, holdout, holdout_other); returns its quoted name. */
export async function writeGroupPredictions(wb: Workbench, cols: ReturnType<typeof groupPredictions>): Promise<string> {
  const gt = quoteIdentifier(wb.tempName('clv_groups'));
  await wb.run(
    `create or replace temp table ${gt} as
    select unnest(range(1, len(pa) + 1)) as g, unnest(pa) as p_alive, unnest(ex) as expected, unnest(di) as discounted, unnest(ho) as holdout, unnest(h2) as holdout_other
    from (select from_json($pa, '["DOUBLE"]') as pa, from_json($ex, '["DOUBLE"]') as ex, from_json($di, '["DOUBLE"]') as di, from_json($ho, '["DOUBLE"]') as ho, from_json($h2, '["DOUBLE"]') as h2)`,
    {
      pa: JSON.stringify(cols.p_alive),
      ex: JSON.stringify(cols.expected),
      di: JSON.stringify(cols.discounted),
      ho: JSON.stringify(cols.holdout),
      h2: JSON.stringify(cols.holdout_other),
    },
  );
  return gt;
}

/** The aggregates with the bootstrap intervals of the total, tiers and bands (keys `total`, `tier:…`, `band:…`). */
export function withIntervals<T extends Pick<ClvResult, 'totals' | 'tiers' | 'aliveBands'>>(
  agg: T,
  intervals: Map<string, { low: number; high: number }>,
): T {
  const at = (k: string) => intervals.get(k) ?? { low: null, high: null };
  return {
    ...agg,
    totals: { ...agg.totals, low: at('total').low, high: at('total').high },
    tiers: agg.tiers.map((g) => ({
      ...g,
      low: at(`tier:${g.key}`).low ?? (g.customers === 0 ? 0 : null),
      high: at(`tier:${g.key}`).high ?? (g.customers === 0 ? 0 : null),
    })),
    aliveBands: agg.aliveBands.map((g) => ({
      ...g,
      low: at(`band:${g.key}`).low ?? (g.customers === 0 ? 0 : null),
      high: at(`band:${g.key}`).high ?? (g.customers === 0 ? 0 : null),
    })),
  };
}

/** The groupings of the result's intervals: the total, CLV tiers and P(alive) bands. */
export const RESULT_GROUPINGS = [
  { prefix: 'total', column: null },
  { prefix: 'tier', column: 'clv_tier' },
  { prefix: 'band', column: 'alive_band' },
] as const;

/** Above this absolute correlation of frequency and mean spend (repeat buyers), Gamma-Gamma's independence is in doubt. */
export const SPEND_FREQUENCY_CORRELATION = 0.3;

function fitWarnings(
  bgnbd: ClvResult['bgnbd'],
  paretoNbd: ClvResult['paretoNbd'],
  gammaGamma: ClvResult['gammaGamma'],
  o: ClvOptionsUsed,
): string[] {
  const warnings: string[] = [];
  if (!bgnbd.converged) warnings.push(clvMessages.warnBgnbdNotConverged(bgnbd.iterations));
  if (paretoNbd && !paretoNbd.converged) warnings.push(clvMessages.warnParetoNbdNotConverged(paretoNbd.iterations));
  if (!gammaGamma.converged) warnings.push(clvMessages.warnGammaGammaNotConverged(gammaGamma.iterations));
  if (o.model === 'bg-nbd' && bgnbd.a / (bgnbd.a + bgnbd.b) < 1e-3)
    warnings.push(clvMessages.warnNoDropout(bgnbd.a, bgnbd.b));
  if (bgnbd.atBound.length > 0) warnings.push(clvMessages.warnBgnbdAtBound(bgnbd.atBound));
  if (paretoNbd && paretoNbd.atBound.length > 0) warnings.push(clvMessages.warnParetoNbdAtBound(paretoNbd.atBound));
  if (gammaGamma.atBound.length > 0) warnings.push(clvMessages.warnGammaGammaAtBound(gammaGamma.atBound));
  return warnings;
}

/** The groups' row numbers, in the order of {@link clvGroups} (the order the prediction lists were built in). */
const groupedSql = (summary: string) =>
  `select row_number() over (order by x, t_x, "T") as g, x, t_x, "T" from (select distinct x, t_x, "T" from ${summary})`;

/** Both models' holdout predictions against what each customer did. */
async function compareOnHoldout(
  wb: Workbench,
  summary: string,
  groups: string,
  scoring: 'bg-nbd' | 'pareto-nbd',
  logLikelihood: Record<'bg-nbd' | 'pareto-nbd', number>,
): Promise<ClvModelComparison> {
  const [row] = await wb.query(`with grouped as (${groupedSql(summary)})
    select sum(s.x_holdout)::double as actual, sum(p.holdout) as t1, sum(p.holdout_other) as t2,
      avg(abs(s.x_holdout - p.holdout)) as mae1, avg(abs(s.x_holdout - p.holdout_other)) as mae2,
      sqrt(avg((s.x_holdout - p.holdout) ^ 2)) as rmse1, sqrt(avg((s.x_holdout - p.holdout_other) ^ 2)) as rmse2
    from ${summary} s join grouped k using (x, t_x, "T") join ${groups} p on p.g = k.g`);
  const actual = Number(row?.['actual'] ?? 0);
  const otherKind = scoring === 'bg-nbd' ? 'pareto-nbd' : 'bg-nbd';
  const err = (model: 'bg-nbd' | 'pareto-nbd', i: 1 | 2) => {
    const predictedTotal = Number(row?.[`t${i}`] ?? NaN);
    return {
      model,
      logLikelihood: logLikelihood[model],
      predictedTotal,
      totalError: actual > 0 ? predictedTotal / actual - 1 : NaN,
      meanAbsoluteError: Number(row?.[`mae${i}`] ?? NaN),
      rootMeanSquaredError: Number(row?.[`rmse${i}`] ?? NaN),
    };
  };
  const models: [ReturnType<typeof err>, ReturnType<typeof err>] =
    scoring === 'bg-nbd' ? [err(scoring, 1), err(otherKind, 2)] : [err(otherKind, 2), err(scoring, 1)];
  const [a, b] = models;
  const better =
    a.meanAbsoluteError < b.meanAbsoluteError ||
    (a.meanAbsoluteError === b.meanAbsoluteError && Math.abs(a.totalError) <= Math.abs(b.totalError))
      ? a.model
      : b.model;
  return { actualTotal: actual, models, better };
}

/** The per-customer table: summary ⋈ group predictions, Gamma-Gamma spend, CLV, band and tier. */
export function clvTableSql(o: ClvOptionsUsed, summary: string, groups: string): string {
  // Customers without a repeat purchase of positive spend get the population mean pγ/(q − 1).
  const spend =
    'case when s.x > 0 and s.monetary > 0 then ($p * ($gg + s.monetary * s.x)) / ($p * s.x + $q - 1) else $p * $gg / ($q - 1) end';
  return `create or replace table ${quoteIdentifier(o.table)} as
with grouped as (${groupedSql(summary)}), scored as (
  select s.customer_id, s.x, s.t_x, s."T", s.monetary, p.p_alive, p.expected as expected_purchases,
    ${spend} as expected_spend,
    $margin * ${spend} * p.discounted as clv,
    s.x_holdout, case when s.x_holdout is not null then p.holdout end as predicted_holdout
  from ${summary} s join grouped k using (x, t_x, "T") join ${groups} p on p.g = k.g
)
select customer_id, x, t_x, "T", monetary, p_alive, expected_purchases, expected_spend, clv,
  case when p_alive < $b1 then 'at_risk' when p_alive < $b2 then 'uncertain' else 'alive' end as alive_band,
  case when cume_dist() over w <= $s1 then 'top' when cume_dist() over w <= $s2 then 'high'
       when cume_dist() over w <= $s3 then 'medium' else 'low' end as clv_tier,
  x_holdout, predicted_holdout
from scored
window w as (order by clv desc)
order by customer_id`;
}
