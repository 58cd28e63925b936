/**
 * A seeded synthetic `transactions` table with three planted customer groups, built entirely in
 * DuckDB SQL, so it reaches millions of customers in seconds (the streaming generator `generateSample`
 * is richer but slower). Used by the cluster tests and the 1M-customer benchmark.
 */
import type { Workbench } from '../workbench.js';

/**
 * Replace `transactions` with `customers` customers in three planted groups, g = i % 3 for customer i:
 * g0 10 orders of ~€200 recently, g1 4 orders of ~€50, g2 one order of ~€15 long ago (5 rows per
 * customer on average). Jitter comes from DuckDB's `hash`, so the table is the same on every run.
 * @example await plantedGroupsTable(wb, 1_000_000); await clusters(wb, { k: 'auto' });
 */
export async function plantedGroupsTable(wb: Workbench, customers: number): Promise<void> {
  await wb.run(
    `create or replace table transactions as
    select 'c' || lpad(i::varchar, 7, '0') as customer_id, 'o' || i || '-' || j as order_id,
      timestamp '2023-12-31 12:00:00' - to_days((g * 120 + (hash(i, j) % 40) + (j - 1) * (10 + g * 30))::integer) as order_date,
      ((case g when 0 then 200 when 1 then 50 else 15 end) * (0.8 + (hash(i, j, 'm') % 400) / 1000.0))::double as amount,
      false as is_return, 0::bigint as source_row
    from (select i, i % 3 as g from range($n) t(i)) c, range(1, 11) o(j)
    where j <= case g when 0 then 10 when 1 then 4 else 1 end`,
    { n: customers },
  );
}
