/**
 * Pure SQL builders of the loyalty analysis. Nothing here runs a query: table names pass through
 * `quoteIdentifier`, the rule constants through `numberLiteral`; `$asOf` and the lapsing RFM segment keys
 * (`$lapse0`, `$lapse1`, …) are bound by the caller.
 *
 * The steps, over the purchase orders before `$asOf` of the shared per-order aggregate (`withOrderAggregate`,
 * built once per report; return rows only count in revenue):
 *   orders  one row per customer × order, at its first timestamp
 *   gaps    per customer (the shared order-day gaps, `withOrderDayGaps`: the distinct order days and the
 *           gaps in days between them): gaps, median gap (the own cycle), mean, population standard
 *           deviation, longest
 *   then    the signal that the customer is slipping away (P(alive) when a CLV table is given, else the RFM
 *           segment's loyalty group), and one loyalty segment by {@link LOYALTY_RULES} in a fixed priority
 */
import { exactMean, numberLiteral, quoteIdentifier } from '../../sql.js';

/** The loyalty segments, in the order the report lists them (stable keys). */
export const LOYALTY_SEGMENTS = ['loyal', 'potential-loyal', 'switcher', 'at-risk'] as const;

/** A loyalty segment key. */
export type LoyaltySegment = (typeof LOYALTY_SEGMENTS)[number];

/**
 * The documented rules. Gaps are days between consecutive distinct order days before the as-of date; the
 * cycle is a customer's median gap; CV is the coefficient of variation of the gaps (population standard
 * deviation / mean). A customer gets the first segment whose rule holds:
 * 1. `at-risk`: slipping away — P(alive) below `pAliveBelow` when a CLV model was fitted, else, for a customer
 *    with fewer than `regularGaps` gaps (no rhythm of their own to judge), an RFM segment in the `at-risk` or
 *    `lost` loyalty group — or overdue: at least `regularGaps` gaps and more than `overdueFactor` × the cycle and
 *    more than `overdueMinDays` days since the last order. (RFM ranks customers against each other: a regular
 *    customer on their own rhythm is not at risk because others bought more recently; with RFM for everyone,
 *    54% of Online Retail's customers were "at risk".)
 * 2. `switcher`: at least `regularGaps` gaps and irregular: CV above `maxCv`, or a longest gap above
 *    `longGapFactor` × the cycle (buys now and then, with long gaps: likely buys elsewhere in between);
 * 3. `loyal`: at least `regularGaps` gaps, none of the above (buys again and again, at a steady rhythm);
 * 4. `potential-loyal`: everyone else (one or two order days so far, not slipping away).
 */
export const LOYALTY_RULES = {
  /** Gaps (order days − 1) needed to judge regularity. */
  regularGaps: 2,
  /** Above this coefficient of variation of the gaps, buying is irregular. */
  maxCv: 0.75,
  /** A longest gap above this multiple of the cycle is a long gap. */
  longGapFactor: 3,
  /** Overdue: days since the last order above this multiple of the cycle… */
  overdueFactor: 2,
  /** …and above this many days. */
  overdueMinDays: 30,
  /** With a CLV model: P(alive) below this is slipping away. */
  pAliveBelow: 0.5,
  /** Retention: the share of a segment's customers with an order in this many days before the as-of date. */
  activeDays: 90,
} as const;

/** What the builders need: everything validated and defaulted. */
export interface LoyaltySqlOptions {
  /** The per-order aggregate of the transactions before the as-of date (quoted name, from `withOrderAggregate`). */
  orders: string;
  /** The per-customer order-day gaps of those orders (quoted name, from `withOrderDayGaps`). */
  gaps: string;
  /** Table (re)created with one row per customer. */
  table: string;
  /** RFM per-customer table (`customer_id, segment`). */
  rfm: string;
  /** How many lapsing RFM segment keys are bound (`$lapse0` …). */
  lapsing: number;
  /** CLV per-customer table (`customer_id, p_alive`). @defaultValue none: the RFM segment is the signal */
  clv?: string;
}

const R = LOYALTY_RULES;
const n = numberLiteral;

/**
 * (Re)creates `table`: one row per customer with a purchase before `$asOf` — `orders, order_days, gaps, cycle,
 * mean_gap, cv, max_gap, days_since, active, revenue` (DECIMAL), `rfm_segment`, `p_alive` (null without a CLV
 * table), `lapsing` and `segment`, ordered by customer id. Binds `$asOf` and `$lapse0 …`.
 */
export function loyaltyCustomersSql(o: LoyaltySqlOptions): string {
  const keys = Array.from({ length: o.lapsing }, (_, i) => `$lapse${i}`);
  // The RFM segment ranks a customer against the others, not against their own rhythm: it decides only for
  // customers whose rhythm cannot be judged yet (fewer than `regularGaps` gaps).
  const rfmLapsing = keys.length
    ? `(g.gaps < ${n(R.regularGaps)} and coalesce(f.segment in (${keys.join(', ')}), false))`
    : 'false';
  const lapsing = o.clv
    ? `case when v.p_alive is not null then v.p_alive < ${n(R.pAliveBelow)} else ${rfmLapsing} end`
    : rfmLapsing;
  const regular = `gaps >= ${n(R.regularGaps)}`;
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with orders as (
  select customer_id, order_id, ts from ${o.orders} where ts is not null
),
gaps as (
  select * from ${o.gaps}
),
cust as (
  select customer_id, count(*)::bigint as orders,
    date_diff('day', cast(max(ts) as date), cast($asOf as date))::integer as days_since
  from orders group by customer_id
),
revenue as (
  select customer_id, sum(revenue) as revenue from ${o.orders} group by customer_id
),
flagged as (
  select c.customer_id, c.orders, g.order_days, g.gaps, g.cycle, g.mean_gap,
    case when g.gaps >= ${n(R.regularGaps)} and g.mean_gap > 0 then g.sd_gap / g.mean_gap end as cv,
    g.max_gap, c.days_since, c.days_since < ${n(R.activeDays)} as active, coalesce(r.revenue, 0) as revenue,
    f.segment as rfm_segment, ${o.clv ? 'v.p_alive::double' : 'null::double'} as p_alive, ${lapsing} as lapsing
  from cust c join gaps g using (customer_id) left join revenue r using (customer_id)
  left join ${quoteIdentifier(o.rfm)} f on f.customer_id = c.customer_id
  ${o.clv ? `left join ${quoteIdentifier(o.clv)} v on v.customer_id = c.customer_id` : ''}
)
select *,
  case
    when lapsing or (${regular} and days_since > ${n(R.overdueFactor)} * cycle and days_since > ${n(R.overdueMinDays)}) then 'at-risk'
    when ${regular} and (cv > ${n(R.maxCv)} or max_gap > ${n(R.longGapFactor)} * cycle) then 'switcher'
    when ${regular} then 'loyal'
    else 'potential-loyal'
  end as segment
from flagged order by customer_id`;
}

/** Per segment of `table`: customers, net revenue, orders, active customers, mean CV and P(alive). One row per non-empty segment. */
export function loyaltySegmentsSql(table: string): string {
  return `select segment, count(*)::bigint as customers, sum(revenue)::double as revenue, sum(orders)::bigint as orders,
  (count(*) filter (where active))::bigint as active, ${exactMean('cv')} as mean_cv, ${exactMean('p_alive')} as mean_p_alive,
  median(cycle)::double as median_cycle
from ${quoteIdentifier(table)} group by segment order by segment`;
}
