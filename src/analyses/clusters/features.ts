/**
 * Clustering features and the SQL around them. Features are per-customer numbers, either computed
 * from the transactions (see {@link COMPUTED_FEATURES}) or numeric columns of a `customers` table.
 * Computed features are log-scaled by default (`ln(1 + max(x, 0))`: recency, order counts and money
 * have long right tails, and a net monetary below 0 — a customer whose returns exceed purchases —
 * is clipped to 0 before the log). Customer columns are used as they are.
 *
 * Pure SQL builders: identifiers pass through `quoteIdentifier`, values (as-of date, means, standard
 * deviations, centroids, seed) are bound as `$name` parameters.
 */
import { WorkbenchError } from '../../errors.js';
import { exactMean, exactSum, numberLiteral, quoteIdentifier } from '../../sql.js';
import { customerAggregateSql } from '../shared/customer-aggregate.js';
import type { Workbench } from '../../workbench.js';
import { clusterMessages } from './messages.js';

/** Features computed from the transactions, by name. */
export const COMPUTED_FEATURES = {
  /** Days from the last purchase to the as-of day. */
  recency: "date_diff('day', cast(last_order as date), cast($asOf as date))",
  /** Distinct purchase orders. */
  frequency: 'frequency',
  /** Net revenue (returns subtracted). */
  monetary: 'monetary',
  /** Net revenue per purchase order. */
  avg_order_value: 'monetary / frequency',
  /** Days from the first purchase to the as-of day. */
  tenure_days: "date_diff('day', cast(first_order as date), cast($asOf as date))",
} as const;

/** Name of a computed feature. */
export type ComputedFeature = keyof typeof COMPUTED_FEATURES;

/** The default features: log-scaled recency, frequency and monetary. */
export const DEFAULT_FEATURES: readonly string[] = ['recency', 'frequency', 'monetary'];

/** A resolved feature. */
export interface FeatureDef {
  /** Feature name as given (computed feature or customers column). */
  name: string;
  /** Where it comes from. */
  source: 'transactions' | 'customers';
  /** Transform applied before standardising. */
  transform: 'log1p' | 'none';
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;

const isComputed = (name: string): name is ComputedFeature => Object.hasOwn(COMPUTED_FEATURES, name);

/**
 * Resolve feature names: computed features first, then numeric columns of `customersTable`.
 * Throws a WorkbenchError listing what is available when a name is unknown or not numeric.
 */
export async function resolveFeatures(
  wb: Workbench,
  names: readonly string[],
  customersTable: string,
  logScale: boolean,
): Promise<FeatureDef[]> {
  if (names.length === 0) throw new WorkbenchError('BAD_OPTION', clusterMessages.noFeatures(DEFAULT_FEATURES), {});
  if (new Set(names).size !== names.length)
    throw new WorkbenchError('BAD_OPTION', clusterMessages.featureTwice(names), { names });
  const columns = await wb.columns(customersTable);
  const numeric = columns.filter((c) => NUMERIC.test(c.type) && c.name !== 'customer_id').map((c) => c.name);
  return names.map((name) => {
    if (isComputed(name)) return { name, source: 'transactions', transform: logScale ? 'log1p' : 'none' };
    if (numeric.includes(name)) return { name, source: 'customers', transform: 'none' };
    const column = columns.find((c) => c.name === name);
    const computed = Object.keys(COMPUTED_FEATURES);
    if (column) {
      throw new WorkbenchError(
        'BAD_OPTION',
        clusterMessages.featureNotNumeric(name, column.type, customersTable, computed, numeric, columns.length > 0),
        { name, type: column.type },
      );
    }
    throw new WorkbenchError(
      'UNKNOWN_COLUMN',
      clusterMessages.unknownFeature(name, customersTable, computed, numeric, columns.length > 0),
      { name, computed, numeric },
    );
  });
}

/** Working tables of one clustering run (temporary; dropped at the end). */
export const WORK = {
  base: '_swb_cl_base',
  z: '_swb_cl_z',
  raw: '_swb_cl_raw',
  centroids: '_swb_cl_centroids',
} as const;

/**
 * (Re)create the base table: one row per customer with a purchase before `$asOf`, its net revenue,
 * raw feature values `f0…` and transformed values `t0…` (NULL when missing or not finite).
 */
export function baseSql(o: {
  source: string;
  customersTable: string;
  features: readonly FeatureDef[];
  aggregate?: string;
}): string {
  const usesCustomers = o.features.some((f) => f.source === 'customers');
  const raw = o.features.map((f, i) => {
    const expr = isComputed(f.name)
      ? `(${COMPUTED_FEATURES[f.name]})::double`
      : `cust.${quoteIdentifier(f.name)}::double`;
    return `case when isfinite(${expr}) then ${expr} end as f${i}`;
  });
  const transformed = o.features.map((f, i) =>
    f.transform === 'log1p' ? `ln(1 + greatest(f${i}, 0)) as t${i}` : `f${i} as t${i}`,
  );
  // `aggregate`: a table already holding the per-customer aggregate of these rows (src/analyses/shared/customer-cache.ts).
  const per =
    o.aggregate !== undefined
      ? `per as (select * from ${o.aggregate}),`
      : `tx as (
  select customer_id, order_id, order_date, amount, coalesce(is_return, false) as is_return
  from ${quoteIdentifier(o.source)} where order_date < $asOf and customer_id is not null
),
per as (
  ${customerAggregateSql({ from: 'tx', buyersOnly: true })}
),`;
  return `create or replace temp table ${WORK.base} as
with ${per}
raw as (
  select per.customer_id, per.monetary as revenue, ${raw.join(', ')}
  from per${usesCustomers ? ` left join ${quoteIdentifier(o.customersTable)} as cust on cust.customer_id = per.customer_id` : ''}
)
select *, ${transformed.join(', ')} from raw`;
}

/**
 * Mean, population standard deviation and non-missing count of each transformed feature, summed exactly
 * (two passes: the mean, then the mean squared deviation from it), so a re-run gives the same bits.
 */
export function statsSql(d: number): string {
  const means = Array.from({ length: d }, (_, i) => `${exactMean(`t${i}`)} as m${i}, count(t${i}) as c${i}`);
  const sds = Array.from(
    { length: d },
    (_, i) => `sqrt(${exactMean(`(b.t${i} - m.m${i}) * (b.t${i} - m.m${i})`)}) as s${i}`,
  );
  return `with m as (select count(*) as n, ${means.join(', ')} from ${WORK.base})
select m.*, ${sds.join(', ')} from m left join ${WORK.base} as b on true group by all`;
}

/**
 * (Re)create the standardised table `z0…` for the kept features (`$m<i>`, `$s<i>` bound), with a
 * deterministic sampling key `h = hash(customer_id, $seed)`. Missing values: `'exclude'` leaves the
 * customer out; `'mean'` imputes the mean (z = 0).
 */
export function standardiseSql(kept: readonly number[], missing: 'exclude' | 'mean'): string {
  const z = kept.map((i, j) => {
    const e = `(t${i} - $m${i}) / $s${i}`;
    return `${missing === 'mean' ? `coalesce(${e}, 0)` : e} as z${j}`;
  });
  const raw = kept.map((i, j) => `f${i} as r${j}`);
  const where = missing === 'exclude' ? ` where ${kept.map((i) => `t${i} is not null`).join(' and ')}` : '';
  return `create or replace temp table ${WORK.z} as
select customer_id, revenue, ${raw.join(', ')}, ${z.join(', ')}, hash(customer_id, $seed) as h
from ${WORK.base}${where}`;
}

/** The fit sample: the first `$n` customers in hash order (a seeded, uniform random sample). */
export function sampleSql(d: number): string {
  const cols = Array.from({ length: d }, (_, j) => `r${j}, z${j}`);
  return `select customer_id, revenue, ${cols.join(', ')} from ${WORK.z} order by h, customer_id limit $n`;
}

/** The one-row centroids table, columns `c<cluster>_<feature>`, values bound as `$c<cluster>_<feature>`. */
export function centroidsSql(k: number, d: number): string {
  const cols: string[] = [];
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) cols.push(`$c${c}_${j}::double as c${c}_${j}`);
  return `create or replace temp table ${WORK.centroids} as select ${cols.join(', ')}`;
}

/**
 * Nearest-centroid assignment of every standardised customer, in SQL: the squared distances are
 * summed left to right like `squaredDistance` in JS, and the lowest index wins a tie. `cluster` is
 * 1-based and follows the centroid order. Written to the temporary table `_swb_cl_raw`.
 */
export function assignSql(k: number, d: number): string {
  const dist = (c: number) =>
    Array.from({ length: d }, (_, j) => `(z${j} - c${c}_${j}) * (z${j} - c${c}_${j})`).join(' + ');
  const list = Array.from({ length: k }, (_, c) => dist(c)).join(',\n    ');
  return `create or replace temp table ${WORK.raw} as
select customer_id, list_position(d, list_min(d))::integer as cluster
from (select customer_id, [
    ${list}
  ] as d from ${WORK.z} cross join ${WORK.centroids})
`;
}

/** Create `table` from the raw assignment, renumbering clusters with `mapping[old - 1] = new`. */
export function renumberSql(table: string, mapping: readonly number[]): string {
  const whens = mapping.map((to, from) => `when ${numberLiteral(from + 1)} then ${numberLiteral(to)}`).join(' ');
  return `create or replace table ${quoteIdentifier(table)} as
select customer_id, (case cluster ${whens} end)::integer as cluster from ${WORK.raw} order by customer_id`;
}

/** Per-cluster size, revenue, mean raw features and mean z-scores of the raw assignment. */
export function profileSql(d: number): string {
  const cols = Array.from({ length: d }, (_, j) => `${exactMean(`r${j}`)} as r${j}, ${exactMean(`z${j}`)} as z${j}`);
  return `select a.cluster, count(*) as n, ${exactSum('z.revenue', 6)} as revenue, ${cols.join(', ')}
from ${WORK.raw} as a join ${WORK.z} as z using (customer_id)
group by a.cluster order by a.cluster`;
}

/** Overall size, revenue and raw means, plus the covariance matrix of the z-scores (for PCA); exact sums. */
export function overallSql(d: number): string {
  const cols = Array.from({ length: d }, (_, j) => `${exactMean(`r${j}`)} as r${j}`);
  const cov: string[] = [];
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++)
      cov.push(`${exactMean(`z${i} * z${j}`)} - ${exactMean(`z${i}`)} * ${exactMean(`z${j}`)} as v${i}_${j}`);
  }
  return `select count(*) as n, ${exactSum('revenue', 6)} as revenue, ${cols.join(', ')}, ${cov.join(', ')} from ${WORK.z}`;
}
