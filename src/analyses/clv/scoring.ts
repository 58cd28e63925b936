/**
 * What scoring a CLV result needs beyond its table: the scoring model (BG/NBD or Pareto/NBD, as the
 * options say), the horizon in summary units, and the bootstrap intervals on the CLV of groups of the
 * table — the table is read as bounded cells (one per group × x × t_x × T), never row by row.
 */
import type { Workbench } from '../../workbench.js';
import { quoteIdentifier } from '../../sql.js';
import type { PurchaseModel, Horizon } from './purchase-model.js';
import { valueIntervals, type ValueCell, type ValueModel } from './intervals.js';
import type { ClvModel, ClvOptionsUsed, ClvResult } from './types.js';

/** The CLV horizon of the options, in summary units. */
export function clvHorizon(o: Pick<ClvOptionsUsed, 'unit' | 'horizonMonths' | 'discountRate'>): Horizon {
  return {
    months: o.horizonMonths,
    discountRate: o.discountRate,
    unitsPerYear: o.unit === 'weeks' ? 365.25 / 7 : 365.25,
  };
}

/** The scoring model of a result (BG/NBD or Pareto/NBD, as `options.model` says). */
export function scoringModel(r: Pick<ClvResult, 'bgnbd' | 'paretoNbd' | 'options'>): PurchaseModel {
  const p = r.paretoNbd;
  if (r.options.model === 'pareto-nbd' && p)
    return { kind: 'pareto-nbd', params: { r: p.r, alpha: p.alpha, s: p.s, beta: p.beta } };
  const b = r.bgnbd;
  return { kind: 'bg-nbd', params: { r: b.r, alpha: b.alpha, a: b.a, b: b.b } };
}

/**
 * The value cells of a CLV table: customers, own-spend customers and their summed mean spend per
 * (key, x, t_x, T); key `prefix:value of column` (or `prefix` when column is null). With `join`, the
 * table `join` (customer_id, segment) is left-joined as `s` and `column` may be `s.segment`; customers
 * missing from it get '(none)'.
 */
export async function valueCells(
  wb: Workbench,
  table: string,
  prefix: string,
  column: string | null,
  join?: string,
): Promise<ValueCell[]> {
  const key =
    column === null
      ? '$prefix'
      : column === 's.segment'
        ? `$prefix || ':' || coalesce(s.segment::varchar, '(none)')`
        : `$prefix || ':' || c.${quoteIdentifier(column)}::varchar`;
  const rows = await wb.query(
    `select ${key} as key, c.x, c.t_x, c."T", count(*)::double as n,
       count(*) filter (where c.x > 0 and c.monetary > 0)::double as own,
       coalesce(sum(c.monetary) filter (where c.x > 0 and c.monetary > 0), 0)::double as m
     from ${quoteIdentifier(table)} c ${join ? `left join ${quoteIdentifier(join)} s using (customer_id)` : ''}
     group by all order by all`,
    { prefix },
  );
  return rows.map((r) => ({
    key: String(r['key']),
    x: Number(r['x']),
    t_x: Number(r['t_x']),
    T: Number(r['T']),
    customers: Number(r['n']),
    own: Number(r['own']),
    monetary: Number(r['m']),
  }));
}

/** How {@link clvIntervals} groups the CLV table: by a column of it (prefixed keys `prefix:value`), or all in one (`prefix`). */
export interface IntervalGrouping {
  prefix: string;
  column: string | null;
}

/**
 * Bootstrap intervals on the CLV of groups of the result's table (keys as {@link IntervalGrouping} says),
 * with the result's scoring model, Gamma-Gamma fit, horizon, margin, draws and seed; null when a fit
 * has no covariance. `join` adds a per-customer table (`customer_id`, `segment`) as `s`, for `s.segment`.
 */
export async function clvIntervals(
  wb: Workbench,
  r: ClvResult,
  groupings: readonly IntervalGrouping[],
  join?: string,
): Promise<Map<string, { low: number; high: number }> | null> {
  const purchases = scoringModel(r);
  const cov = purchases.kind === 'bg-nbd' ? r.bgnbd.logCovariance : (r.paretoNbd?.logCovariance ?? null);
  const model = {
    purchases,
    purchasesLogCovariance: cov,
    spend: r.gammaGamma,
    spendLogCovariance: r.gammaGamma.logCovariance,
  };
  return modelIntervals(wb, r.table, r.options, model, groupings, join);
}

/**
 * {@link clvIntervals} for any scored table and fitted model (as `clvScore` writes them): null when the
 * model carries no covariance of the purchase or the spend model.
 */
export async function modelIntervals(
  wb: Workbench,
  table: string,
  o: Pick<ClvOptionsUsed, 'unit' | 'horizonMonths' | 'discountRate' | 'margin' | 'intervalDraws' | 'seed'>,
  model: Pick<ClvModel, 'purchases' | 'purchasesLogCovariance' | 'spend' | 'spendLogCovariance'>,
  groupings: readonly IntervalGrouping[],
  join?: string,
): Promise<Map<string, { low: number; high: number }> | null> {
  const cov = model.purchasesLogCovariance;
  if (!cov || !model.spendLogCovariance) return null;
  const cells = (await Promise.all(groupings.map((g) => valueCells(wb, table, g.prefix, g.column, join)))).flat();
  const vm: ValueModel = { purchases: model.purchases, spend: model.spend, horizon: clvHorizon(o), margin: o.margin };
  const out = valueIntervals(cells, vm, cov, model.spendLogCovariance, { draws: o.intervalDraws, seed: o.seed });
  return out && new Map([...out].map(([k, v]) => [k, { low: v.low, high: v.high }]));
}
