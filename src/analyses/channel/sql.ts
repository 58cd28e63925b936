/**
 * Pure SQL builders of the channel and payment analysis. Table names pass through `quoteIdentifier`; `$asOf`
 * is bound by the caller.
 *
 * Over the rows before `$asOf` with a customer (orders, recency and revenue from the shared per-order aggregate,
 * `withOrderAggregate`): per customer the purchase orders, days since the last one,
 * net revenue (returns subtracted, exact decimal sum), the distinct channels of the purchase rows (empty
 * channel cells left out), the main channel and the main payment method (most net revenue; ties: the first
 * by name), and one channel segment by {@link CHANNEL_RULES}.
 */
import { moneySum, quoteIdentifier } from '../../sql.js';

/** The channel segments, in report order (stable keys). */
export const CHANNEL_SEGMENTS = ['omnichannel', 'single-channel', 'one-order', 'no-channel'] as const;

/** A channel segment key. */
export type ChannelSegment = (typeof CHANNEL_SEGMENTS)[number];

/**
 * The documented rules, checked in this order:
 * 1. `no-channel`: none of the customer's purchase rows has a channel (or the data has no channel column);
 * 2. `one-order`: one purchase order (one order shows no channel choice yet);
 * 3. `omnichannel`: purchase rows in two or more channels;
 * 4. `single-channel`: two or more orders, all in one channel.
 */
export const CHANNEL_RULES = { omnichannelChannels: 2, repeatOrders: 2 } as const;

/** What the builders need. */
export interface ChannelSqlOptions {
  /** Transactions table (its channel and payment columns). */
  source: string;
  /** The per-order aggregate of the transactions before the as-of date (quoted name, from `withOrderAggregate`): orders, recency and revenue. */
  orders: string;
  /** Table (re)created with one row per customer. */
  table: string;
  /** The source has a `channel` column. */
  hasChannel: boolean;
  /** The source has a `payment_method` column. */
  hasPayment: boolean;
}

const text = (column: string) => `nullif(trim(${quoteIdentifier(column)}), '')`;

/**
 * (Re)creates `table`: one row per customer with a purchase before `$asOf` — `orders, days_since, revenue`
 * (DECIMAL), `channels` (distinct), `main_channel`, `payment` (main method, null without one) and `segment`.
 * Orders, days since the last one and revenue come from the per-order aggregate; the purchase rows are read once,
 * into revenue per customer × channel × payment method.
 */
export function channelCustomersSql(o: ChannelSqlOptions): string {
  const src = quoteIdentifier(o.source);
  const channel = o.hasChannel ? text('channel') : 'null::varchar';
  const payment = o.hasPayment ? text('payment_method') : 'null::varchar';
  return `create or replace temp table ${quoteIdentifier(o.table)} as
with spend as (
  select customer_id, ${channel} as channel, ${payment} as payment, ${moneySum()} as r
  from ${src} where order_date < $asOf and customer_id is not null and not coalesce(is_return, false)
  group by all
),
orders as (
  select customer_id, (count(order_id) filter (where ts is not null))::bigint as orders,
    date_diff('day', cast(max(last_ts) as date), cast($asOf as date))::integer as days_since, sum(revenue) as revenue
  from ${o.orders} group by customer_id having count(ts) > 0
),
channels as (select customer_id, count(distinct channel)::bigint as channels from spend group by customer_id),
main_channel as (
  select customer_id, channel from (
    select customer_id, channel, sum(r) as r from spend where channel is not null group by all)
  qualify row_number() over (partition by customer_id order by r desc, channel) = 1
),
main_payment as (
  select customer_id, payment from (
    select customer_id, payment, sum(r) as r from spend where payment is not null group by all)
  qualify row_number() over (partition by customer_id order by r desc, payment) = 1
)
select o.customer_id, o.orders, o.days_since, coalesce(o.revenue, 0)::double as revenue,
  coalesce(n.channels, 0)::bigint as channels, c.channel as main_channel, p.payment,
  case
    when coalesce(n.channels, 0) = 0 then 'no-channel'
    when o.orders < ${CHANNEL_RULES.repeatOrders} then 'one-order'
    when n.channels >= ${CHANNEL_RULES.omnichannelChannels} then 'omnichannel'
    else 'single-channel'
  end as segment
from orders o left join channels n using (customer_id) left join main_channel c using (customer_id)
  left join main_payment p using (customer_id)`;
}

/** Customers per distinct channel count (1, 2, 3 …) of `table`, ordered. */
export function channelCountSql(table: string): string {
  return `select channels, count(*)::bigint as customers from ${quoteIdentifier(table)} group by 1 order by 1`;
}

/** One row per customer of `table`, ordered by customer: the export's rows. */
export function channelRowsSql(table: string): string {
  return `select customer_id, segment, orders, revenue, channels, main_channel, payment, days_since
from ${quoteIdentifier(table)} order by customer_id`;
}
