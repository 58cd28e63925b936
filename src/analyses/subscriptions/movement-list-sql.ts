/**
 * Pure SQL builder of the per-customer MRR movement list: one row per customer and month (month-end method)
 * or per customer and day (dated method) with a movement, classed exactly as the bridge classes it
 * (movements-sql.ts, movements-by-sql.ts), so the list's amounts summed per month and kind are the bridge's.
 * Nothing here runs a query: the table passes through `quoteIdentifier`; `$from`, `$to` are bound by the
 * caller, and so are the parameters of the `customer` expression (a pseudonym).
 */
import { datedChangeCtes, type MrrMethod } from './movements-by-sql.js';
import { monthCtes, MONTHS_THROUGH_TO, MRR_DECIMAL, type MonthTables } from './months-sql.js';

/** What {@link mrrMovementListSql} needs. */
export interface MrrMovementListSqlOptions {
  /** Subscriptions table. */
  source: string;
  /** Counting method. */
  method: MrrMethod;
  /** SQL of the customer as shown, given `c.customer_id` (e.g. a pseudonym expression). */
  customer: (idSql: string) => string;
  /** The cached month tables; inline when absent. */
  tables?: MonthTables;
}

const AMOUNT = `cast(case kind when 'new' then cur when 'reactivation' then cur when 'churned' then prev
  when 'expansion' then cur - prev else prev - cur end as ${MRR_DECIMAL})`;

const KIND_ORDER = `case kind when 'new' then 1 when 'expansion' then 2 when 'contraction' then 3 when 'churned' then 4 else 5 end`;

/**
 * Rows `customer, month, day, kind, amount, mrr_before, mrr_after` from `$from` to `$to`: `day` NULL for the
 * month-end method; `amount` > 0, the MRR the movement adds (new, expansion, reactivation) or removes
 * (contraction, churned). Ordered by month, day, kind, customer.
 */
export function mrrMovementListSql(o: MrrMovementListSqlOptions): string {
  const moves =
    o.method === 'month-end'
      ? `mv as (
  select cid, month, null::date as day, prev, cur,
    case when prev = 0 and first_month = month then 'new' when prev = 0 then 'reactivation' when cur = 0 then 'churned'
      when cur > prev then 'expansion' when cur < prev then 'contraction' end as kind
  from pmx where month between cast($from as date) and cast($to as date)
)`
      : `${datedChangeCtes(o.source)}
mv as (select cid, month, day, greatest(before, 0) as prev, greatest(after, 0) as cur, class as kind from evc)`;
  return `with ${monthCtes(o.source, null, o.tables)},
${MONTHS_THROUGH_TO},
${moves},
listed as (
  select ${o.customer('c.customer_id')} as customer, mv.month, mv.day, mv.kind, ${AMOUNT} as amount,
    cast(mv.prev as ${MRR_DECIMAL}) as mrr_before, cast(mv.cur as ${MRR_DECIMAL}) as mrr_after
  from mv join cust c on c.cid = mv.cid
  where mv.kind is not null
)
select customer, month, day, kind, amount, mrr_before, mrr_after from listed
order by month, day nulls first, ${KIND_ORDER}, customer`;
}
