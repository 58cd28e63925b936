// The bench's "many customers" shape, written by DuckDB in one statement (seeded by hash, so the same
// arguments give the same file): `customers` customers over 24 monthly cohorts (Jan 2022 … Dec 2023, the
// last month partly observed), each with a first order in their cohort month and a skewed share of the
// remaining orders (most customers order once or twice, a few often), 1–3 lines per order, a 12-country
// `country` column (the report's sub-segments), 2% of orders with a partial return booked under its own id,
// 1% guest orders without a customer id. About 8.5 rows per customer at 1.2M customers per 10M rows.

/** Rows per order in this shape: 1.5 lines on average plus 2% return rows. */
const ROWS_PER_ORDER = 1.52;

/**
 * The COPY statement writing the many-customers CSV.
 * @param {string} out CSV path
 * @param {number} customers number of customers (each has at least one order)
 * @param {number} rows rows to aim at (at least one order per customer)
 */
export function wideSampleSql(out, customers, rows) {
  const n = Math.round(customers);
  const orders = Math.max(n, Math.round(rows / ROWS_PER_ORDER));
  // u(i, k): a uniform number in [0, 1) from hash(i, k).
  const u = (i, k) => `(hash(${i}, ${k}) % 1000000007) / 1000000007.0`;
  return `copy (
with o as (
  select i, case when i < ${n} then i else least(${n - 1}, floor(${n} * pow(${u('i', 1)}, 2))::bigint) end as c
  from range(${orders}) t(i)
),
d as (
  select i, c, (hash(c, 2) % 24)::integer as cohort, i < ${n} as first_order from o
),
od as (
  select i, c, first_order,
    timestamp '2022-01-01' + to_months(cohort) as m0,
    least(timestamp '2023-12-15 23:59:59', timestamp '2022-01-01' + to_months(cohort + 1) - interval 1 second) as m1,
    ['NL', 'BE', 'DE', 'FR', 'UK', 'ES', 'IT', 'PL', 'SE', 'DK', 'AT', 'IE'][1 + (hash(c, 3) % 12)::integer] as country,
    ['web', 'app', 'store'][1 + (hash(c, 4) % 3)::integer] as channel,
    round(5 + 295 * pow(${u('i', 5)}, 2), 2) as value,
    1 + (hash(i, 6) % 10 < 4)::integer + (hash(i, 6) % 10 < 1)::integer as lines,
    hash(i, 7) % 50 = 0 as has_return,
    i >= ${n} and hash(i, 8) % 100 = 0 as guest
  from d
),
dated as (
  select *, case when first_order
      then m0 + to_seconds((${u('i', 9)} * (epoch(m1) - epoch(m0)))::bigint)
      else m0 + to_seconds((${u('i', 9)} * (epoch(timestamp '2023-12-15 23:59:59') - epoch(m0)))::bigint) end as order_date
  from od
),
line as (
  select 'W' || i as order_id, case when guest then null else 'C' || lpad(c::varchar, 8, '0') end as customer_id,
    order_date, 'P' || ((hash(i, 10) + l) % 500) as product_id,
    ['Home', 'Garden', 'Kitchen', 'Toys', 'Books', 'Fashion'][1 + ((hash(i, 11) + l) % 6)::integer] as category,
    channel, 1 + ((hash(i, 12) + l) % 3)::integer as quantity, value, lines, country, has_return, i, l
  from dated, range(lines) r(l)
)
select order_id, customer_id, order_date, product_id, category, channel, quantity,
  round(value / lines / quantity, 2) as unit_price, round(quantity * round(value / lines / quantity, 2), 2) as amount, country
from line
union all
select 'R' || i, customer_id, order_date, product_id, category, channel, -1, round(value / 4, 2), -round(value / 4, 2), country
from line where has_return and l = 0
order by order_id, product_id
) to '${out.replaceAll("'", "''")}' (header)`;
}
