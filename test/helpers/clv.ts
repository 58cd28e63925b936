/** A small deterministic transactions table for CLV tests (charts, report section). */
import type { Workbench } from '../../src/workbench.js';

/**
 * 400 customers: first purchase on day i % 60 of 2023, then every 5 + i % 23 days, stopping after
 * i % 9 repeats or at day 60 + 40·(i % 5), whichever comes first; spend 10 + i % 23 + 3·(k % 4).
 * Also a table `seg` (customer_id, segment A/B by the last digit).
 */
export async function clvTransactions(wb: Workbench): Promise<void> {
  await wb.run(`create table transactions as
    select 'c' || lpad(i::varchar, 3, '0') as customer_id, i || '-' || k as order_id,
      timestamp '2023-01-01' + to_days((i % 60 + k * (5 + i % 23))::integer) as order_date,
      (10 + i % 23 + 3 * (k % 4))::double as amount, false as is_return
    from range(400) t(i), range(0, 40) u(k)
    where k <= i % 9 and i % 60 + k * (5 + i % 23) < 60 + 40 * (i % 5)`);
  await wb.run(`create table seg as select customer_id, case when right(customer_id, 1) in ('0', '1', '2') then 'A' else 'B' end as segment
    from (select distinct customer_id from transactions)`);
}
