/**
 * Pure SQL builders of the month table every subscription analysis reads: one row per customer and month
 * in which the customer pays at the end of the previous month or of this one (paying.ts), with both
 * MRRs, the segment value at the month start and the customer's first paying month. Built once per
 * subscriptions table (months.ts caches it) instead of once per analysis; the analysis builders also
 * inline it, so each stays one self-contained statement over the subscriptions table.
 *
 * The build, in steps:
 *   customers  one row per customer_id (rows without one belong to no customer and are left out) with a
 *              small integer key `cid`, the number of periods and, for a customer with one period, that period
 *   single     a customer with one period pays its MRR at the end of every month from its start month
 *              to the month before its end month: its rows follow from the period alone, no grouping
 *   multi      the periods of the other customers, unnested per month end they cover and grouped per
 *              customer-month (concurrent periods add up), then paired with the previous month end
 * Month ends run to the horizon: the month after the latest start or end date. From there on only the
 * periods without an end cover a month end, so every later month repeats the horizon's rows
 * ({@link MONTHS_THROUGH_TO} extends the table that way to any `$to`).
 *
 * The segment value of a customer-month (`seg_start`, e.g. the plan) is the value of the periods covering
 * the previous month's last day with the highest MRR summed per value, ties by the lowest value, the
 * missing value last; NULL when no one paid then. `seg_end` is the same rule at the month's own last day
 * (the value a customer who was not paying at the month start comes in on).
 */
import { quoteIdentifier } from '../../sql.js';

/** Exact decimal type of MRR sums. */
export const MRR_DECIMAL = 'decimal(38, 4)';

/**
 * Decimal type of one customer's MRR in one month as the month table stores it: the sum of a few
 * periods, 8 bytes instead of 16 (sums over customers are taken as {@link MRR_DECIMAL}).
 */
const ROW_DECIMAL = 'decimal(18, 4)';

/** The cached month table and its customer table (see months.ts). */
export interface MonthTables {
  /** `cid, month, prev, cur, seg_start, seg_end, first_month`. */
  months: string;
  /** `cid, customer_id` (and the build's helper columns). */
  customers: string;
}

const segExpr = (column: string | null, alias = ''): string =>
  column === null ? 'null::varchar' : `${alias}${quoteIdentifier(column)}::varchar`;

/** First day of the month of a date expression, as DATE. */
const monthOf = (expr: string): string => `cast(date_trunc('month', ${expr}) as date)`;

/**
 * One row per customer of `source`: `cid` (1..n, arbitrary order: a join key, never shown), `customer_id`,
 * `n` periods and, meaningful when n = 1, the period's `start_date, end_date, mrr` and segment value `seg`.
 */
export function monthCustomersSql(source: string, column: string | null): string {
  return `select (row_number() over ())::integer as cid, customer_id, count(*) as n, min(start_date) as start_date,
    min(end_date) as end_date, min(mrr) as mrr, min(${segExpr(column)}) as seg
  from ${quoteIdentifier(source)} where customer_id is not null group by customer_id`;
}

/**
 * The month rows `cid, month, prev, cur, seg_start, seg_end, first_month` of `source`, given its customers
 * relation `customers` ({@link monthCustomersSql}): `prev` / `cur` the MRR at the end of the previous
 * month / of this month (0 when not paying), one of them > 0; `month` a first day (DATE).
 */
export function monthRowsSql(source: string, customers: string, column: string | null): string {
  const s = quoteIdentifier(source);
  const lastCovered = (end: string) => `coalesce(${monthOf(end)} - interval 1 month, h)`;
  const single = `(seg_k = 0 or (seg_k = k and seg_lo = seg_hi))`;
  return `with bounds as (
    select cast(${monthOf(`greatest(max(start_date), coalesce(max(end_date), max(start_date)))`)} + interval 1 month as date) as h from ${s}),
  one as (
    select cid, seg, cast(mrr as ${ROW_DECIMAL}) as mrr, ${monthOf('start_date')} as a, cast(${lastCovered('end_date')} as date) as b, h
    from ${customers}, bounds where n = 1 and mrr > 0),
  one_rows as (
    select cid, seg, mrr, a, b, cast(unnest(generate_series(a, least(b + interval 1 month, h), interval 1 month)) as date) as month
    from one where b >= a),
  multi as (
    select c.cid, p.mrr, ${segExpr(column, 'p.')} as seg,
      cast(unnest(generate_series(${monthOf('p.start_date')}, ${lastCovered('p.end_date')}, interval 1 month)) as date) as month
    from ${s} p join ${customers} c on p.customer_id = c.customer_id, bounds where c.n > 1),
  grouped as (
    select cid, month, sum(mrr) as mrr, count(*) as k, count(seg) as seg_k, min(seg) as seg_lo, max(seg) as seg_hi
    from multi group by cid, month having sum(mrr) > 0),
  mixed as (
    select cid, month, first(seg order by seg_mrr desc, seg nulls last) as seg from (
      select m.cid, m.month, m.seg, sum(m.mrr) as seg_mrr from multi m
      semi join (select cid, month from grouped where not ${single}) x on x.cid = m.cid and x.month = m.month
      group by all)
    group by all),
  month_ends as (
    select g.cid, g.month, cast(g.mrr as ${ROW_DECIMAL}) as mrr, case when ${single} then g.seg_lo else x.seg end as seg
    from grouped g left join mixed x on x.cid = g.cid and x.month = g.month),
  firsts as (select cid, min(month) as first_month from month_ends group by cid),
  pairs as (
    select coalesce(c.cid, p.cid) as cid, coalesce(c.month, p.month) as month,
      coalesce(p.mrr, cast(0 as ${ROW_DECIMAL})) as prev, coalesce(c.mrr, cast(0 as ${ROW_DECIMAL})) as cur, p.seg as seg_start, c.seg as seg_end
    from month_ends c
    full join (select cid, cast(month + interval 1 month as date) as month, mrr, seg from month_ends, bounds where month < h) p
      on c.cid = p.cid and c.month = p.month)
  select cid, month, case when month > a then mrr else cast(0 as ${ROW_DECIMAL}) end as prev,
    case when month <= b then mrr else cast(0 as ${ROW_DECIMAL}) end as cur, case when month > a then seg end as seg_start,
    case when month <= b then seg end as seg_end, a as first_month
  from one_rows
  union all
  select cid, month, prev, cur, seg_start, seg_end, first_month from pairs join firsts using (cid)`;
}

/**
 * The CTEs `cust(cid, customer_id, …)` and `pm` (the month rows): from the cached `tables` when given,
 * else built inline from `source` with the segment `column` (NULL values without one).
 */
export function monthCtes(source: string, column: string | null, tables?: MonthTables): string {
  if (tables)
    return `cust as (select * from ${quoteIdentifier(tables.customers)}), pm as (select * from ${quoteIdentifier(tables.months)})`;
  return `cust as materialized (${monthCustomersSql(source, column)}),
pm as materialized (${monthRowsSql(source, 'cust', column)})`;
}

/**
 * The CTE `pmx`: the rows of `pm` up to the month `$to`, and when `$to` lies past the horizon (the last
 * month of `pm`), the horizon's paying customers again in every later month (nothing changes after it).
 */
export const MONTHS_THROUGH_TO = `pmx as (
  select cid, month, prev, cur, seg_start, seg_end, first_month from pm where month <= cast($to as date)
  union all
  select p.cid, e.month, p.cur as prev, p.cur, p.seg_end as seg_start, p.seg_end, p.first_month
  from pm p join (
    select h, cast(unnest(generate_series(h + interval 1 month, cast($to as date), interval 1 month)) as date) as month
    from (select max(month) as h from pm)) e on p.month = e.h
  where p.cur > 0
)`;
