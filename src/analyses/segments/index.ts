/**
 * Attribute segments beyond RFM: by a customers column (demographic, geographic, technographic…), by a
 * numeric column cut into stated bands, by value tiers (top 20% of customers by revenue, next 30%, rest),
 * or by SQL-free rule objects checked so that every customer is in exactly one segment. The assignment
 * is materialised in a DuckDB table (`customer_id, segment, segment_order`) that {@link compareSubsegments}
 * and {@link kpis} read; the result carries sizes, shares, revenue shares and a too-small flag.
 */
import { WorkbenchError } from '../../errors.js';
import { numberLiteral, quoteIdentifier } from '../../sql.js';
import type { QueryParam, Workbench } from '../../workbench.js';
import { customerBase, type BaseOptions, type CustomerBase } from './base.js';
import { checkRuleCoverage, compileRules, conditionsOf, validateRules, type SegmentRuleObject } from './rules.js';
import { checkOptionKeys, optionKeys, outputTable, minSizeOption } from '../shared/validate.js';
import { revenueRankShareSql, withinTopShareSql } from '../shared/top-share.js';
import { tagResult } from '../../inspect.js';
import { segmentMessages } from './messages.js';

export type { RuleCondition, RuleOp, RuleValue, SegmentRuleObject } from './rules.js';
export { COMPUTED_COLUMNS, type BaseOptions } from './base.js';

/**
 * What to segment by:
 * - `{ column }`: one segment per value of a customers column (or a transactions attribute such as `country`,
 *   taking each customer's most frequent value), or per segment of a behavioural segmentation named by its id
 *   (`timing`, `loyalty`, `journey`, `product-mix`, `channel`, `price`: each customer's segment as of `asOf`);
 * - `{ column, bins }`: a numeric column cut at ascending edges into bands `lower ≤ x < upper`, or with
 *   `bins: n` into n bands of about equal size (edges are the data's quantiles, stated in the result);
 * - `{ valueTiers: true }` or `{ valueTiers: [0.2, 0.3] }`: revenue tiers, top 20%, next 30%, rest, stored as the keys
 *   `top-20%`, `next-30%`, `rest-50%` (in words: `segmentValueName` in src/i18n/analyses.ts: Top 20%, Volgende 30%…);
 * - `{ rules, rest? }`: named rule objects; customers matching none go to `rest` (or it is an error).
 */
export type SegmentSpec =
  | { column: string; bins?: readonly number[] | number }
  | { valueTiers: true | readonly number[] }
  | { rules: readonly SegmentRuleObject[]; rest?: string };

/** Options of {@link segmentBy}. */
export interface SegmentByOptions extends BaseOptions {
  /** Segments with fewer customers are flagged `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Table (re)created with `customer_id, segment, segment_order`; never an input table unless `replace`. @defaultValue 'segments' */
  table?: string;
  /** Allow `table` to name an input table (`transactions`, `customers`), replacing it. @defaultValue false */
  replace?: boolean;
}

const SEGMENT_BY_KEYS = optionKeys<SegmentByOptions>({
  asOf: true,
  source: true,
  customers: true,
  minSize: true,
  table: true,
  replace: true,
});

/** A numeric band: `lower ≤ x < upper` (open ends are null). */
export interface SegmentBin {
  label: string;
  lower: number | null;
  upper: number | null;
}

/** A value tier with its revenue threshold. */
export interface ValueTier {
  /** Tier key, e.g. `top-20%`, `next-30%`, `rest-50%` (what the table stores in `segment`). */
  key: string;
  /** Share of customers aimed at (the rest tier gets what is left). */
  targetShare: number;
  /** Lowest and highest revenue of a customer in the tier. */
  minRevenue: number;
  maxRevenue: number;
}

/** Size and value of one segment. */
export interface SegmentSummary {
  /** Segment label (what the table stores). */
  segment: string;
  /** Customers. */
  size: number;
  /** Share of all customers. */
  share: number;
  /** Net revenue before asOf. */
  revenue: number;
  /** Share of total revenue (NaN when total revenue ≤ 0). */
  revenueShare: number;
  /** Fewer customers than `minSize`: too small to act on or compare. */
  tooSmall: boolean;
}

/** What {@link segmentBy} returns; per-customer assignment is in `table`. */
export interface SegmentByResult {
  /** Table with `customer_id, segment, segment_order`. */
  table: string;
  /** How the segments were formed. */
  kind: 'column' | 'bins' | 'valueTiers' | 'rules';
  /** Short description of the segmentation variable, e.g. `age_band`, `revenue tiers`, `rules`. */
  variable: string;
  /** Segments in their natural order (values sorted, bands ascending, tiers top first, rules in given order). */
  segments: SegmentSummary[];
  /** With `bins`: the bands. */
  bins?: SegmentBin[];
  /** With `valueTiers`: the tiers and their revenue thresholds. */
  tiers?: ValueTier[];
  /** Customers segmented. */
  customerCount: number;
  /** Their total net revenue. */
  revenue: number;
  /** Options used. */
  options: {
    spec: SegmentSpec;
    asOf: Date;
    asOfFromData: boolean;
    minSize: number;
    universe: 'customers' | 'buyers';
    source: string;
    customers: string;
    table: string;
  };
  /** Recoverable quirks (missing values, too-small segments). */
  warnings: string[];
}

/** Label of customers without a value. */
export const MISSING_SEGMENT = '(missing)';

const BASE = '_swb_seg_base';

function fmt(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** Bands from ascending edges: `<e0`, `e0–e1`, …, `≥ek`. */
export function binsFromEdges(edges: readonly number[]): SegmentBin[] {
  if (edges.length === 0 || !edges.every((e, i) => Number.isFinite(e) && (i === 0 || e > (edges[i - 1] ?? e)))) {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badBinEdges(edges), { bins: edges });
  }
  const out: SegmentBin[] = [{ label: `<${fmt(edges[0]!)}`, lower: null, upper: edges[0]! }];
  for (let i = 1; i < edges.length; i++)
    out.push({ label: `${fmt(edges[i - 1]!)}–${fmt(edges[i]!)}`, lower: edges[i - 1]!, upper: edges[i]! });
  out.push({ label: `≥${fmt(edges[edges.length - 1]!)}`, lower: edges[edges.length - 1]!, upper: null });
  return out;
}

/** The shares of the value tiers before the rest (`true`: 20% and 30%), checked. */
export function tierShares(spec: true | readonly number[]): number[] {
  const shares = spec === true ? [0.2, 0.3] : [...spec];
  const total = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0 || !shares.every((s) => Number.isFinite(s) && s > 0) || total >= 1) {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badValueTiers(shares), { valueTiers: spec });
  }
  return shares;
}

/** Keys of the tiers: `top-20%`, `next-30%`, …, `rest-50%`. */
export function tierKeys(shares: readonly number[]): string[] {
  const pct = (s: number) => `${fmt(s * 100)}%`;
  const rest = 1 - shares.reduce((a, b) => a + b, 0);
  return [...shares.map((s, i) => `${i === 0 ? 'top' : 'next'}-${pct(s)}`), `rest-${pct(rest)}`];
}

function columnOf(base: CustomerBase, name: string): string {
  return quoteIdentifier(base.columns.get(name) ?? name);
}

/** SQL giving `(customer_id, segment, segment_order)` from the base, and its parameters. */
async function assignmentSql(
  wb: Workbench,
  spec: SegmentSpec,
  base: CustomerBase,
): Promise<{ sql: string; params: Record<string, QueryParam>; bins?: SegmentBin[]; shares?: number[] }> {
  if ('rules' in spec) {
    const { exprs, params } = compileRules(spec.rules, base.columns);
    const cases = exprs.map((e, i) => `when ${e} then ${i}`).join(' ');
    spec.rules.forEach((r, i) => {
      params[`seg_${i}`] = r.name;
    });
    if (spec.rest !== undefined) params[`seg_${spec.rules.length}`] = spec.rest;
    const names = [
      ...spec.rules.map((_, i) => `$seg_${i}`),
      ...(spec.rest === undefined ? [] : [`$seg_${spec.rules.length}`]),
    ];
    return {
      sql: `select customer_id, list_value(${names.join(', ')})[o + 1] as segment, o as segment_order
        from (select customer_id, case ${cases} else ${spec.rules.length} end as o from ${BASE})`,
      params,
    };
  }
  if ('valueTiers' in spec) {
    const shares = tierShares(spec.valueTiers);
    const labels = tierKeys(shares);
    const params: Record<string, QueryParam> = {};
    labels.forEach((l, i) => {
      params[`seg_${i}`] = l;
    });
    let cum = 0;
    // Equal revenues share a tier: the tier is a function of the cumulative share of customers with at least that revenue.
    const cases = shares
      .map((s, i) => {
        cum += s;
        return `when ${withinTopShareSql('c', cum)} then ${i}`;
      })
      .join(' ');
    return {
      sql: `select customer_id, list_value(${labels.map((_, i) => `$seg_${i}`).join(', ')})[o + 1] as segment, o as segment_order
        from (select customer_id, case ${cases} else ${shares.length} end as o
          from (select customer_id, ${revenueRankShareSql('_swb_revenue')} as c from ${BASE}))`,
      params,
      shares,
    };
  }
  const col = columnOf(base, spec.column);
  if (spec.bins !== undefined) {
    const [t] = await wb.query(`select typeof(${col}) as t from ${BASE} where ${col} is not null limit 1`);
    const type = String(t?.['t'] ?? 'DOUBLE');
    if (!/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(type)) {
      throw new WorkbenchError('BAD_OPTION', segmentMessages.binsNeedNumbers(spec.column, type), {
        column: spec.column,
        type,
      });
    }
    const edges = typeof spec.bins === 'number' ? await quantileEdges(wb, col, spec.bins) : spec.bins;
    const bins = binsFromEdges(edges);
    const params: Record<string, QueryParam> = { seg_missing: MISSING_SEGMENT };
    bins.forEach((b, i) => {
      params[`seg_${i}`] = b.label;
    });
    const cases = edges.map((e, i) => `when ${col} < ${numberLiteral(e)} then ${i}`).join(' ');
    return {
      sql: `select customer_id, coalesce(list_value(${bins.map((_, i) => `$seg_${i}`).join(', ')})[o + 1], $seg_missing) as segment, coalesce(o, ${bins.length}) as segment_order
        from (select customer_id, case when ${col} is null then null ${cases} else ${bins.length - 1} end as o from ${BASE})`,
      params,
      bins,
    };
  }
  const keys = base.segmentationKeys.get(spec.column);
  if (keys) {
    // a behavioural segmentation: its segments in the segmentation's own order, customers without one last
    const params: Record<string, QueryParam> = { seg_missing: MISSING_SEGMENT };
    keys.forEach((k, i) => {
      params[`key_${i}`] = k;
    });
    const cases = keys.map((_, i) => `when $key_${i} then ${i}`).join(' ');
    return {
      sql: `select customer_id, coalesce(${col}, $seg_missing) as segment,
        case ${col} ${cases} else ${keys.length} end as segment_order from ${BASE}`,
      params,
    };
  }
  return {
    sql: `select customer_id, coalesce(${col}::varchar, $seg_missing) as segment,
        dense_rank() over (order by ${col} nulls last) - 1 as segment_order from ${BASE}`,
    params: { seg_missing: MISSING_SEGMENT },
  };
}

/**
 * Edges for n bands of about equal size: the distinct values at the quantiles 1/n … (n−1)/n (actual data values,
 * so labels stay readable). Ties can merge bands; fewer than n bands then come out.
 */
async function quantileEdges(wb: Workbench, col: string, n: number): Promise<number[]> {
  if (!Number.isInteger(n) || n < 2 || n > 20)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badBandCount(n), { bins: n });
  const probs = Array.from({ length: n - 1 }, (_, i) => numberLiteral((i + 1) / n));
  const [row] = await wb.query(
    `select quantile_disc(${col}::double, [${probs.join(', ')}]) as q, min(${col})::double as lo from ${BASE}`,
  );
  const q = (row?.['q'] as number[] | undefined) ?? [];
  const lo = Number(row?.['lo']);
  // the minimum as an edge would leave the first band empty
  const edges = [...new Set(q.map(Number))].filter((e) => Number.isFinite(e) && e > lo).sort((a, b) => a - b);
  if (edges.length === 0)
    throw new WorkbenchError('BAD_OPTION', segmentMessages.tooFewValuesForBands(col, n), { bins: n });
  return edges;
}

function variableOf(spec: SegmentSpec): string {
  if ('rules' in spec) return 'rules';
  if ('valueTiers' in spec) return 'revenue tiers';
  return spec.column;
}

function specColumns(spec: SegmentSpec): string[] {
  if ('rules' in spec) return spec.rules.flatMap((r) => conditionsOf(r).map((c) => c.column));
  if ('valueTiers' in spec) return [];
  return [spec.column];
}

/**
 * Put every customer in exactly one segment and summarise the segments.
 * @example const r = await segmentBy(wb, { column: 'age_band' });
 * @example await segmentBy(wb, { rules: [{ name: 'Young', where: { column: 'age_band', op: 'in', value: ['18-24', '25-34'] } }], rest: 'Older' });
 */
export async function segmentBy(
  wb: Workbench,
  spec: SegmentSpec,
  options: SegmentByOptions = {},
): Promise<SegmentByResult> {
  checkOptionKeys('segmentBy', options, SEGMENT_BY_KEYS);
  const minSize = minSizeOption(options.minSize);
  const table = outputTable('segmentBy', options.table, 'segments', {
    source: options.source ?? 'transactions',
    ...(options.replace ? { replace: true } : {}),
  });
  if ('rules' in spec) validateRules(spec.rules, spec.rest);
  else if (!('valueTiers' in spec) && (typeof spec.column !== 'string' || spec.column === '')) {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.badSegmentSpec(), { spec });
  }
  const base = await customerBase(wb, options, specColumns(spec), BASE);
  if ('rules' in spec) await checkRuleCoverage(wb, BASE, spec.rules, base.columns, spec.rest);
  const { sql, params, bins, shares } = await assignmentSql(wb, spec, base);
  const t = quoteIdentifier(table);
  await wb.run(`create or replace table ${t} as ${sql} order by customer_id`, params);
  const rows = await wb.query<{
    segment: string;
    o: number;
    size: number;
    revenue: number;
    min_r: number;
    max_r: number;
  }>(`
    select s.segment, s.segment_order as o, count(*)::bigint as size, list_sum(list(b._swb_revenue order by customer_id))::double as revenue,
      min(b._swb_revenue)::double as min_r, max(b._swb_revenue)::double as max_r
    from ${t} s join ${BASE} b using (customer_id) group by all order by o, s.segment`);
  const customerCount = rows.reduce((a, r) => a + Number(r.size), 0);
  const revenue = rows.reduce((a, r) => a + r.revenue, 0);
  const segments: SegmentSummary[] = rows.map((r) => ({
    segment: r.segment,
    size: Number(r.size),
    share: Number(r.size) / customerCount,
    revenue: r.revenue,
    revenueShare: revenue > 0 ? r.revenue / revenue : NaN,
    tooSmall: Number(r.size) < minSize,
  }));
  const warnings = [...base.warnings];
  const missing = segments.find((s) => s.segment === MISSING_SEGMENT && !('rules' in spec) && !('valueTiers' in spec));
  if (missing) warnings.push(segmentMessages.warnMissingValue(missing.size, variableOf(spec), MISSING_SEGMENT));
  const small = segments.filter((s) => s.tooSmall);
  if (small.length) warnings.push(segmentMessages.warnSmallSegments(minSize, small));
  const result: SegmentByResult = {
    table,
    kind: 'rules' in spec ? 'rules' : 'valueTiers' in spec ? 'valueTiers' : spec.bins ? 'bins' : 'column',
    variable: variableOf(spec),
    segments,
    customerCount,
    revenue,
    options: {
      spec,
      asOf: base.asOf,
      asOfFromData: base.asOfFromData,
      minSize,
      universe: base.universe,
      source: options.source ?? 'transactions',
      customers: options.customers ?? 'customers',
      table,
    },
    warnings,
  };
  if (bins) result.bins = bins;
  if (shares) {
    result.tiers = tierKeys(shares).map((key, i) => {
      const r = rows.find((x) => x.o === i);
      return {
        key,
        targetShare: shares[i] ?? 1 - shares.reduce((a, b) => a + b, 0),
        minRevenue: r?.min_r ?? NaN,
        maxRevenue: r?.max_r ?? NaN,
      };
    });
  }
  return tagResult(result, 'SegmentByResult');
}

/**
 * Check that `result.table` still holds the assignment `result` describes (same segments and sizes): a later
 * {@link segmentBy} with the same table name replaces it. Throws BAD_OPTION naming the table when it changed.
 */
export async function checkSegmentTable(wb: Workbench, result: SegmentByResult): Promise<void> {
  const t = quoteIdentifier(result.table);
  const rows = (await wb.hasTable(result.table))
    ? await wb.query<{ segment: string; n: number }>(
        `select segment, count(*)::bigint as n from ${t} group by 1 order by 1`,
      )
    : [];
  const now = rows.map((r) => `${r.segment}\u0000${Number(r.n)}`).join('\u0001');
  const then = [...result.segments]
    .sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
    .map((s) => `${s.segment}\u0000${s.size}`)
    .join('\u0001');
  if (now !== then) {
    throw new WorkbenchError('BAD_OPTION', segmentMessages.segmentationReplaced(result.table, result.variable), {
      table: result.table,
    });
  }
}
