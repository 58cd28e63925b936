/**
 * The month table of a subscriptions table (months-sql.ts), built once and read by mrrMovements,
 * subscriptionChurn and subscriptionCohorts: building it is most of their work on a million periods.
 *
 * It is cached in TEMP tables (never written to a database file) with a key row: the source table, the
 * segment column it was built with, and a fingerprint of every value it was built from: the row count and
 * the exact sum (HUGEINT) of a 64-bit hash of each row's customer_id, start_date, end_date, mrr and segment
 * column. Every call checks it (one scan of the table, ~50 ms at a million rows), so a change to those values
 * (an insert, a delete, an update, a table replaced or reloaded) rebuilds the months instead of reusing them;
 * only a change whose row hashes happen to sum to the same 64-bit total could slip through (odds about
 * 1 in 2^64). Count, MRR sum and date range alone would miss a period moved to another customer.
 * Calls on one Workbench take turns (the cache holds one source and one segment column at a time), so an
 * analysis never reads months that another call is rebuilding for another table.
 */
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { inTurn } from '../shared/turns.js';
import { monthCustomersSql, monthRowsSql, type MonthTables } from './months-sql.js';

/** The cached tables (TEMP) and the key row that says what they hold. */
export const MONTH_TABLES: MonthTables = {
  months: '_swb_subscription_months',
  customers: '_swb_subscription_customers',
};
const KEY = '_swb_subscription_months_key';

/** SQL of the fingerprint `n, h` of `source` over the values the month table is built from. */
function fingerprintSql(source: string, column: string | null): string {
  const values = ['customer_id', 'start_date', 'end_date', 'mrr', ...(column === null ? [] : [column])]
    .map(quoteIdentifier)
    .join(', ');
  return `select count(*) as n, coalesce(sum(hash(${values})::hugeint), 0) as h from ${quoteIdentifier(source)}`;
}

/** What the analysis needs from the cache. */
export interface MonthTablesRequest {
  /** Subscriptions table. */
  source: string;
  /** Its columns (subscriptionBounds). */
  columns: readonly string[];
  /** Segment column the months must carry; absent: any (a build then takes `plan` when there is one). */
  column?: string | null;
}

/** Whether the cache holds the request's source, with its segment column, as the table is now. */
async function isFresh(wb: Workbench, r: MonthTablesRequest): Promise<boolean> {
  const [key] = await wb.query<{ source: string; col: string | null }>(`select source, col from ${KEY}`);
  if (!key || key.source !== r.source || (r.column !== undefined && key.col !== r.column)) return false;
  if (key.col !== null && !r.columns.includes(key.col)) return false;
  const [fresh] = await wb.query<{ ok: boolean }>(
    `select count(*) = 1 as ok from ${KEY} k, (${fingerprintSql(r.source, key.col)}) f where k.n = f.n and k.h = f.h`,
  );
  return fresh?.ok === true;
}

/** (Re)build the cache for `source` with segment column `column`. */
async function build(wb: Workbench, source: string, column: string | null): Promise<void> {
  // The key goes first and comes back last: a build that fails half-way leaves no key, so the next call builds again.
  await wb.run(`delete from ${KEY}`);
  // Taken before the build: a table changed while building mismatches and is rebuilt by the next call.
  await wb.run(`create or replace temp table _swb_subscription_fingerprint as ${fingerprintSql(source, column)}`);
  const customers = quoteIdentifier(MONTH_TABLES.customers);
  await wb.run(`create or replace temp table _swb_subscription_build as ${monthCustomersSql(source, column)}`);
  await wb.run(
    `create or replace temp table ${quoteIdentifier(MONTH_TABLES.months)} as ${monthRowsSql(source, '_swb_subscription_build', column)}`,
  );
  // Only the key and the id stay: the helper columns are for the build.
  await wb.run(`create or replace temp table ${customers} as select cid, customer_id from _swb_subscription_build`);
  await wb.run('drop table _swb_subscription_build');
  await wb.run(`insert into ${KEY} select $source, $col, n, h from _swb_subscription_fingerprint`, {
    source,
    col: column,
  });
  await wb.run('drop table _swb_subscription_fingerprint');
}

/**
 * Run `fn` with the month tables of the request's source, fresh and carrying its segment column. No other
 * call on this Workbench reads or rebuilds the cache until `fn` has finished.
 * @example const rows = await withMonthTables(wb, { source, columns }, (t) => wb.query(mrrMovementsSql(source, t), params));
 */
export function withMonthTables<T>(
  wb: Workbench,
  request: MonthTablesRequest,
  fn: (tables: MonthTables) => Promise<T>,
): Promise<T> {
  return inTurn(wb, 'subscription-months', async () => {
    await wb.run(`create temp table if not exists ${KEY} (source varchar, col varchar, n bigint, h hugeint)`);
    if (!(await isFresh(wb, request))) {
      const fallback = request.columns.includes('plan') ? 'plan' : null;
      await build(wb, request.source, request.column === undefined ? fallback : request.column);
    }
    return fn(MONTH_TABLES);
  });
}
