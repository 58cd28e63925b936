/**
 * Forgetting customers (the GDPR right to erasure) in a workbench: every table (and the session's temp
 * tables) with a `customer_id` column — the loaded transactions and customers and every per-customer table the analyses wrote (rfm,
 * clusters, clv, segment tables, …) — loses the rows of the given customers, in one transaction, and a
 * persisted database is checkpointed. No query, export or report sees them again; but DuckDB does not zero
 * freed blocks, so the old bytes can stay in the `.duckdb` file until overwritten: for physical erasure copy
 * the database to a new file (`COPY FROM DATABASE`) and replace it. Aggregates computed earlier (results in
 * memory, reports) are not changed: run the analyses again.
 */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';

/** What {@link forgetCustomers} removed. */
export interface ForgetResult {
  /** Rows removed per table (every table and temp table with a `customer_id` column, also those with 0), by table name. */
  removed: Record<string, number>;
  /** Customers asked to be forgotten (distinct ids). */
  customers: number;
  /** Of those, the ids found in at least one table. */
  found: number;
}

/**
 * Remove the customers from every table of the workbench that has a `customer_id` column; returns the rows removed per table.
 * @example const r = await forgetCustomers(wb, ['12346']); // { removed: { transactions: 2, rfm: 1, … }, customers: 1, found: 1 }
 * @throws WorkbenchError `BAD_OPTION` when `ids` is not an array of strings or numbers.
 */
export async function forgetCustomers(wb: Workbench, ids: ReadonlyArray<string | number>): Promise<ForgetResult> {
  if (
    !Array.isArray(ids) ||
    !ids.every((id) => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))
  ) {
    throw new WorkbenchError('BAD_OPTION', messages.badForgetIds(ids), { ids });
  }
  const wanted = [...new Set(ids.map(String))].sort();
  // Base tables of the database and the session's temp tables (analyses keep per-customer bases there); views follow.
  const tables = await wb.query<{ catalog: string; schema: string; name: string }>(
    `select c.table_catalog as catalog, c.table_schema as schema, c.table_name as name
     from information_schema.columns c join information_schema.tables t using (table_catalog, table_schema, table_name)
     where c.column_name = 'customer_id' and t.table_type <> 'VIEW'
     order by c.table_catalog = 'temp', c.table_name`,
  );
  const removed: Record<string, number> = {};
  let found = 0;
  const TEMP = wb.tempName('_swb_forget_ids');
  await wb.transaction(async () => {
    await wb.run(`create or replace temp table ${TEMP} (customer_id varchar primary key)`);
    for (const id of wanted) await wb.run(`insert into ${TEMP} values ($id)`, { id });
    const seen = new Set<string>();
    for (const { catalog, schema, name: table } of tables) {
      const t = [catalog, schema, table].map(quoteIdentifier).join('.');
      const hit = await wb.query<{ customer_id: string }>(
        `select distinct customer_id::varchar as customer_id from ${t} where customer_id::varchar in (select customer_id from ${TEMP})`,
      );
      for (const r of hit) seen.add(r.customer_id);
      const [row] = await wb.query<{ n: number }>(
        `select count(*) as n from ${t} where customer_id::varchar in (select customer_id from ${TEMP})`,
      );
      removed[table] = Number(row?.n ?? 0);
      if (removed[table])
        await wb.run(`delete from ${t} where customer_id::varchar in (select customer_id from ${TEMP})`);
    }
    found = seen.size;
    await wb.run(`drop table ${TEMP}`);
  });
  if (wb.path !== ':memory:') await wb.run('checkpoint');
  return { removed, customers: wanted.length, found };
}
