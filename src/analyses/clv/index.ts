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
import { bgnbdConditionalExpected, bgnbdPAlive, fitBgnbd, type BgnbdParams } from './bgnbd.js';
import { clvGroups, clvSummary, utcDay } from './summary.js';
import { discountedPurchases, fitGammaGamma, selectGammaGammaRows } from './gamma-gamma.js';
import { clvAggregates, holdoutRows } from './aggregates.js';
import type { ClvOptions, ClvOptionsUsed, ClvResult } from './types.js';

export type {
  ClvOptions, ClvOptionsUsed, ClvResult, ClvCustomer, ClvGroupSummary, ClvHoldoutRow, AliveBand, ClvTier,
} from './types.js';
import { messages } from '../../messages.js';
import { checkOptionKeys, keyword, numberInRange, optionalDate, optionKeys, outputTable, wholeNumber, type NumberRange } from '../shared/validate.js';
import { dataSufficiency, resolveMinimums } from '../shared/sufficiency.js';
import { tagResult } from '../../inspect.js';
import { clvMessages } from './messages.js';
import { customerExamples } from '../../privacy/example-rows.js';

/** Allowed `margin`: a share of revenue in (0, 1]. */
export const CLV_MARGIN: NumberRange = { min: 0, max: 1, minOpen: true };
/** Allowed `discountRate`: ≥ 0 per year. */
export const CLV_DISCOUNT_RATE: NumberRange = { min: 0, hint: '0.1 = 10% a year' };

const CLV_KEYS = optionKeys<ClvOptions>({
  calibrationEnd: true, holdoutEnd: true, unit: true, horizonMonths: true, discountRate: true, margin: true, aliveBands: true,
  tierShares: true, fitSample: true, source: true, table: true, summaryTable: true, replace: true, minimums: true,
});

function resolve(options: ClvOptions, lastDay: Date): ClvOptionsUsed {
  const calibrationEnd = optionalDate('calibrationEnd', options.calibrationEnd);
  const holdoutEnd = optionalDate('holdoutEnd', options.holdoutEnd);
  const source = options.source ?? 'transactions';
  const protect = { source, ...(options.replace ? { replace: true } : {}) };
  const o: ClvOptionsUsed = {
    calibrationEnd: utcDay(calibrationEnd ?? lastDay),
    calibrationEndFromData: calibrationEnd === undefined,
    holdoutEnd: holdoutEnd === undefined ? null : utcDay(holdoutEnd),
    unit: options.unit ?? 'weeks',
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
  if (o.aliveBands.length !== 2 || !ascending(o.aliveBands)) throw new WorkbenchError('BAD_OPTION', clvMessages.badAliveBands(o.aliveBands), {});
  if (o.tierShares.length !== 3 || !ascending(o.tierShares)) throw new WorkbenchError('BAD_OPTION', clvMessages.badTierShares(o.tierShares), {});
  return o;
}

/** Per-group predictions, as JSON lists bound to the join query. */
function groupPredictions(bg: BgnbdParams, groups: Array<{ x: number; t_x: number; T: number }>, o: ClvOptionsUsed, holdoutLength: number) {
  const unitsPerYear = o.unit === 'weeks' ? 365.25 / 7 : 365.25;
  const horizon = (o.horizonMonths * unitsPerYear) / 12;
  const cols = { p_alive: [] as number[], expected: [] as number[], discounted: [] as number[], holdout: [] as number[] };
  for (const g of groups) {
    cols.p_alive.push(bgnbdPAlive(bg, g.x, g.t_x, g.T));
    const expected = bgnbdConditionalExpected(bg, horizon, g.x, g.t_x, g.T);
    cols.expected.push(expected);
    // undiscounted, the monthly increments add up to the horizon's expectation
    cols.discounted.push(o.discountRate === 0 ? expected
      : discountedPurchases(bg, g.x, g.t_x, g.T, { months: o.horizonMonths, discountRate: o.discountRate, unitsPerYear }));
    cols.holdout.push(holdoutLength > 0 ? bgnbdConditionalExpected(bg, holdoutLength, g.x, g.t_x, g.T) : 0);
  }
  const bad = Object.entries(cols).find(([, v]) => v.some((x) => !Number.isFinite(x)));
  if (bad) throw new WorkbenchError('NO_DATA', clvMessages.nonFinitePredictions(bad[0], bg), { params: bg });
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
  if (!(await wb.hasTable(source))) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const [last] = await wb.query(`select date_trunc('day', max(order_date)) as d from ${quoteIdentifier(source)} where not is_return`);
  if (!(last?.['d'] instanceof Date)) throw new WorkbenchError('NO_DATA', clvMessages.noPurchases(source), { source });
  const o = resolve(options, last['d']);
  const summary = await clvSummary(wb, {
    calibrationEnd: o.calibrationEnd, unit: o.unit, source, table: o.summaryTable, ...(o.holdoutEnd ? { holdoutEnd: o.holdoutEnd } : {}),
  });
  const st = quoteIdentifier(o.summaryTable);
  const groups = await clvGroups(wb, o.summaryTable);
  // the fit sample: the summary itself, or a temp table of the customers with the lowest hash
  const sampled = summary.customers > o.fitSample;
  const fitTable = sampled ? wb.tempName('clv_fit') : o.summaryTable;
  if (sampled) {
    await wb.run(`create or replace temp table ${quoteIdentifier(fitTable)} as select * from ${st} order by hash(customer_id), customer_id limit $n`, { n: o.fitSample });
  }
  let bgnbd: ClvResult['bgnbd'];
  let repeat: Array<{ customerId: string; x: number; monetary: number }>;
  try {
    bgnbd = fitBgnbd(sampled ? await clvGroups(wb, fitTable) : groups);
    repeat = await wb.query(`select customer_id as "customerId", x, monetary from ${quoteIdentifier(fitTable)} where x > 0 order by customer_id`);
  } finally {
    if (sampled) await wb.run(`drop table if exists ${quoteIdentifier(fitTable)}`);
  }
  // Repeat buyers whose repeat purchases net to ≤ 0 carry no spend level to learn from: the model is
  // fitted on the others, and they are scored with the population mean (as customers without repeats).
  const selected = selectGammaGammaRows(repeat);
  const gammaGamma = fitGammaGamma(selected.fit);

  const cols = groupPredictions(bgnbd, groups, o, summary.holdoutLength);
  const gt = quoteIdentifier(wb.tempName('clv_groups'));
  await wb.run(`create or replace temp table ${gt} as
    select unnest(range(1, len(pa) + 1)) as g, unnest(pa) as p_alive, unnest(ex) as expected, unnest(di) as discounted, unnest(ho) as holdout
    from (select from_json($pa, '["DOUBLE"]') as pa, from_json($ex, '["DOUBLE"]') as ex, from_json($di, '["DOUBLE"]') as di, from_json($ho, '["DOUBLE"]') as ho)`,
  { pa: JSON.stringify(cols.p_alive), ex: JSON.stringify(cols.expected), di: JSON.stringify(cols.discounted), ho: JSON.stringify(cols.holdout) });
  try {
    await wb.run(clvTableSql(o, st, gt), {
      p: gammaGamma.p, q: gammaGamma.q, gg: gammaGamma.gamma, margin: o.margin,
      b1: o.aliveBands[0], b2: o.aliveBands[1], s1: o.tierShares[0], s2: o.tierShares[1], s3: o.tierShares[2],
    });
  } finally {
    await wb.run(`drop table if exists ${gt}`);
  }

  const warnings: string[] = [];
  if (!bgnbd.converged) warnings.push(clvMessages.warnBgnbdNotConverged(bgnbd.iterations));
  if (!gammaGamma.converged) warnings.push(clvMessages.warnGammaGammaNotConverged(gammaGamma.iterations));
  if (bgnbd.a / (bgnbd.a + bgnbd.b) < 1e-3) {
    warnings.push(clvMessages.warnNoDropout(bgnbd.a, bgnbd.b));
  }
  if (bgnbd.atBound.length > 0) {
    warnings.push(clvMessages.warnBgnbdAtBound(bgnbd.atBound));
  }
  if (gammaGamma.atBound.length > 0) {
    warnings.push(clvMessages.warnGammaGammaAtBound(gammaGamma.atBound));
  }
  if (summary.repeatBuyers < 100) warnings.push(clvMessages.warnFewRepeatBuyers(summary.repeatBuyers));
  if (gammaGamma.q <= 1) warnings.push(clvMessages.warnUnboundedSpend(gammaGamma.q));
  if (selected.setAside.length > 0) {
    warnings.push(clvMessages.warnGammaGammaSetAside(selected.setAside.length, await customerExamples(wb, selected.setAside.slice(0, 3).map((r) => r.customerId))));
  }
  const agg = await clvAggregates(wb, o, bgnbd);
  if (Math.abs(agg.spendFrequencyCorrelation) > 0.3) {
    warnings.push(clvMessages.warnSpendFrequencyCorrelated(agg.spendFrequencyCorrelation));
  }
  return tagResult({
    table: o.table,
    options: o,
    customers: summary.customers,
    repeatBuyers: summary.repeatBuyers,
    fitCustomers: bgnbd.customers,
    bgnbd,
    gammaGamma,
    gammaGammaSetAside: selected.setAside.length,
    ...agg,
    holdout: o.holdoutEnd ? { length: summary.holdoutLength, ...(await holdoutRows(wb, o.table)) } : null,
    // calibrationEnd is a whole day, included: the facts are read up to the start of the next day
    sufficiency: await dataSufficiency(wb, 'clv', { asOf: new Date(o.calibrationEnd.getTime() + 86_400_000), source, minimums: o.minimums }),
    warnings,
  }, 'ClvResult');
}

/** The per-customer table: summary ⋈ group predictions, Gamma-Gamma spend, CLV, band and tier. */
export function clvTableSql(o: ClvOptionsUsed, summary: string, groups: string): string {
  // Customers without a repeat purchase of positive spend get the population mean pγ/(q − 1).
  const spend = 'case when s.x > 0 and s.monetary > 0 then ($p * ($gg + s.monetary * s.x)) / ($p * s.x + $q - 1) else $p * $gg / ($q - 1) end';
  return `create or replace table ${quoteIdentifier(o.table)} as
with grouped as (
  select row_number() over (order by x, t_x, "T") as g, x, t_x, "T" from (select distinct x, t_x, "T" from ${summary})
), scored as (
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
