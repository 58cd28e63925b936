/**
 * Pure SQL builders for RFM. Nothing here runs a query: the text is built from validated options
 * (integers through `numberLiteral`, identifiers through `quoteIdentifier`) and every value that
 * comes from data or users (as-of date, segment keys) is a `$name` parameter.
 *
 * The quantile tie rule lives in {@link quantileScoreSql}; see its comment for the exact formula.
 */
import { numberLiteral, quoteIdentifier } from '../../sql.js';
import { customerAggregateSql } from '../shared/customer-aggregate.js';
import { keyword, wholeNumber } from '../shared/validate.js';
import type { SegmentMap, ScoreRange, SegmentRule } from './segment-map.js';

/** Fixed score thresholds, `bins - 1` ascending values per score (see `RfmOptions.scoring`). */
export interface RfmThresholds {
  /** Recency limits in days: `recency_days <= t` earns one more point per limit (e.g. `[30, 90, 180, 365]`). */
  recency: readonly number[];
  /** Frequency floors: `frequency >= t` earns one more point per floor (e.g. `[2, 3, 5, 10]`). */
  frequency: readonly number[];
  /** Monetary floors: `monetary >= t` earns one more point per floor (e.g. `[100, 250, 500, 1000]`). */
  monetary: readonly number[];
}

/** What {@link rfmSql} needs: everything already validated and defaulted. */
export interface RfmSqlOptions {
  /** Source table of transactions. */
  source: string;
  /** Table to (re)create with one row per customer. */
  table: string;
  /** Number of bins per score. */
  bins: number;
  /** Quantile scores or fixed thresholds. */
  scoring: 'quantile' | RfmThresholds;
  /** `'net'`: returns count in monetary; `'ignore'`: return rows are left out entirely. */
  returns: 'net' | 'ignore';
  /** Leave out orders on or after `$asOf` (otherwise the caller has checked there are none). */
  excludeLater: boolean;
  /** The validated segment map; segment keys/loyalty are bound as `$s<i>` / `$l<i>`. */
  segmentMap: SegmentMap;
  /**
   * Quoted name of a table already holding the per-customer aggregate of these rows (`withCustomerAggregate`
   * in src/analyses/shared/customer-cache.ts), read instead of aggregating `source`. @defaultValue none
   */
  aggregate?: string;
  /** Leave the rows unordered, for a caller that only aggregates them (saves a sort). @defaultValue false */
  unordered?: boolean;
  /**
   * Further columns of `aggregate` passed through after the standard ones, for a caller that aggregates them by
   * segment (the trends: each date's window revenue and purchase flags). Only with `aggregate`. @defaultValue none
   */
  carry?: readonly string[];
}

type Metric = 'r' | 'f' | 'm';

/** "Goodness" of each metric: higher is better for all three (recent = high r). */
const GOODNESS: Record<Metric, string> = { r: '-recency_days', f: 'frequency', m: 'monetary' };

/**
 * Quantile score of one metric as a CTE body over `cust`, giving `(g, score)` per distinct value.
 *
 * Tie rule: customers with equal values get equal scores, because the score is a function of the
 * value's cumulative share `c = (customers with a value at most as good) / N`. Base score
 * `b = ceil(bins · c)` (integer arithmetic, no float edges). When there are at least `bins`
 * distinct values, gaps are closed so the full range 1..bins is used: walking the distinct values
 * from worst (i = 0) to best (i = D-1), with `a_i = max(b_i, bins - (D-1-i))`, the score is
 * `s_i = i + min(1, min_{j≤i}(a_j - j))` — the largest sequence ≤ a that starts at 1 and rises by
 * at most 1 per distinct value. It equals `b` whenever `b` already starts at 1 without gaps.
 * With fewer than `bins` distinct values the base score is used (the best value always gets `bins`).
 */
export function quantileScoreSql(metric: Metric, bins: number): string {
  const B = numberLiteral(bins);
  return `select g, case when d >= ${B}
      then i + least(1, min(a - i) over (order by g rows between unbounded preceding and current row))
      else b end as score
    from (
      select g, i, d, b, greatest(b, ${B} - (d - 1 - i)) as a
      from (
        select g,
          ((${B} * cum + n - 1) // n)::bigint as b,
          (row_number() over (order by g) - 1)::bigint as i,
          count(*) over ()::bigint as d
        from (
          select g, (sum(cnt) over (order by g rows between unbounded preceding and current row))::bigint as cum,
            (sum(cnt) over ())::bigint as n
          from (select ${GOODNESS[metric]} as g, count(*)::bigint as cnt from cust group by 1)
        )
      )
    )`;
}

/** Threshold score expression: 1 + number of thresholds passed. */
export function thresholdScoreSql(metric: Metric, thresholds: readonly number[]): string {
  const column = metric === 'r' ? 'recency_days' : metric === 'f' ? 'frequency' : 'monetary';
  const op = metric === 'r' ? '<=' : '>=';
  return ['1', ...thresholds.map((t) => `(${column} ${op} ${numberLiteral(t)})::integer`)].join(' + ');
}

function rangeSql(column: string, range: ScoreRange | undefined): string | undefined {
  return range ? `${column} between ${numberLiteral(range[0])} and ${numberLiteral(range[1])}` : undefined;
}

function ruleSql(rule: SegmentRule): string {
  const parts = [rangeSql('r', rule.r), rangeSql('f', rule.f), rangeSql('m', rule.m)].filter((p): p is string => !!p);
  return parts.length ? `(${parts.join(' and ')})` : 'true';
}

/** CASE expressions giving `segment` and `loyalty` from the scores (keys bound as `$s<i>`, `$l<i>`). */
export function segmentCaseSql(map: SegmentMap): { segment: string; loyalty: string } {
  const whens = map.segments.map((s, i) => ({ cond: s.rules.map(ruleSql).join(' or '), i }));
  return {
    segment: `case ${whens.map((w) => `when ${w.cond} then $s${w.i}`).join(' ')} end`,
    loyalty: `case ${whens.map((w) => `when ${w.cond} then $l${w.i}`).join(' ')} end`,
  };
}

/** Parameters for the CASE expressions of {@link segmentCaseSql}. */
export function segmentParams(map: SegmentMap): Record<string, string> {
  const params: Record<string, string> = {};
  map.segments.forEach((s, i) => {
    params[`s${i}`] = s.key;
    params[`l${i}`] = s.loyalty;
  });
  return params;
}

/**
 * The statement that (re)creates the per-customer RFM table from the transactions, with `$asOf`
 * and the segment parameters bound. Customers without a purchase (only returns) are left out.
 */
export function rfmSql(o: RfmSqlOptions): string {
  return `create or replace table ${quoteIdentifier(o.table)} as\n${rfmQuerySql(o)}`;
}

/** The columns of every RFM row taken as they are from the scored customers, in output order. */
const SCORED_COLUMNS = [
  'customer_id',
  'recency_days',
  'frequency',
  'monetary',
  'first_order',
  'last_order',
  'tenure_days',
  'r',
  'f',
  'm',
];

/** The columns that every RFM row has: a carried column may not take one of their names. */
const RFM_COLUMNS = [...SCORED_COLUMNS, 'rfm_code', 'segment', 'loyalty'];

/** `, "a", "b"`: the carried columns (see `RfmSqlOptions.carry`), or nothing. */
function carriedColumnsSql(o: Pick<RfmSqlOptions, 'aggregate' | 'carry'>): string {
  if (!o.carry?.length) return '';
  if (o.aggregate === undefined) throw new Error('rfm: carry needs aggregate');
  const clash = o.carry.find((c) => RFM_COLUMNS.includes(c.toLowerCase()));
  if (clash !== undefined) throw new Error(`rfm: cannot carry a column named like an RFM column: ${clash}`);
  return o.carry.map((c) => `, ${quoteIdentifier(c)}`).join('');
}

/**
 * The query behind {@link rfmSql} (`with … select …`, one row per customer; `o.table` is not read), for a
 * caller that reads a few of its columns without writing the table (the trends read each date's segments).
 */
export function rfmQuerySql(o: Omit<RfmSqlOptions, 'table'>): string {
  // bins and returns are spliced into the text: checked here too, for callers of this public builder
  wholeNumber('bins', o.bins, 2, 20);
  keyword('returns', o.returns, ['net', 'ignore']);
  const where = [o.excludeLater ? 'order_date < $asOf' : '', o.returns === 'ignore' ? 'not is_return' : '']
    .filter(Boolean)
    .join(' and ');
  const metrics: Metric[] = ['r', 'f', 'm'];
  const scoreCtes =
    o.scoring === 'quantile' ? metrics.map((k) => `, ${k}_score as (${quantileScoreSql(k, o.bins)})`).join('\n') : '';
  const joins =
    o.scoring === 'quantile' ? metrics.map((k) => `join ${k}_score on ${k}_score.g = ${GOODNESS[k]}`).join(' ') : '';
  const thresholds = o.scoring === 'quantile' ? undefined : o.scoring;
  const scoreOf = (k: Metric) =>
    thresholds
      ? thresholdScoreSql(k, thresholds[k === 'r' ? 'recency' : k === 'f' ? 'frequency' : 'monetary'])
      : `${k}_score.score`;
  const sep = o.bins > 9 ? "'-'" : "''";
  const { segment, loyalty } = segmentCaseSql(o.segmentMap);
  const carry = carriedColumnsSql(o);
  const base =
    o.aggregate !== undefined
      ? `base as (select * from ${o.aggregate}),`
      : `tx as (
  select customer_id, order_id, order_date, amount, coalesce(is_return, false) as is_return
  from ${quoteIdentifier(o.source)}${where ? ` where ${where}` : ''}
),
base as (
  ${customerAggregateSql({ from: 'tx', buyersOnly: true })}
),`;
  return `with ${base}
cust as (
  select *, date_diff('day', cast(last_order as date), cast($asOf as date))::integer as recency_days,
    date_diff('day', cast(first_order as date), cast($asOf as date))::integer as tenure_days
  from base
)${scoreCtes},
scored as (
  select cust.*, ${scoreOf('r')}::integer as r, ${scoreOf('f')}::integer as f, ${scoreOf('m')}::integer as m
  from cust ${joins}
)
select ${SCORED_COLUMNS.join(', ')},
  concat_ws(${sep}, r, f, m) as rfm_code,
  ${segment} as segment,
  ${loyalty} as loyalty${carry}
from scored${o.unordered ? '' : '\norder by customer_id'}`;
}
