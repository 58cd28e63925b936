/**
 * New and lapsed customers since the previous report's as-of date, counted from this run's data without a
 * snapshot: a report built with `--compare` computes them (one query over the transactions) and embeds them,
 * so `swb compare` can print them too. The rules, stated in the section:
 *   new      first purchase on or after the previous as-of date and before this one;
 *   known    a purchase before the previous as-of date (this run's data: what the previous report counted,
 *            when the history is the same);
 *   lapsed   known, and no purchase since the previous as-of date;
 *   lost     counted by the previous report but not among this run's known customers (previous count − known,
 *            never below 0): customers the data no longer has (deleted, filtered, mapped otherwise).
 */
import { quoteIdentifier } from '../sql.js';
import type { Workbench } from '../workbench.js';
import type { SinceFigures } from './data.js';

/** Options of {@link sinceFigures}. */
export interface SinceOptions {
  /** The previous report's as-of date. */
  previousAsOf: Date;
  /** This run's as-of date. */
  asOf: Date;
  /** Counts of fewer people than this are `null`, as the report hides them. */
  minGroup: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
}

/** The SQL of {@link sinceFigures}: binds `$prev` and `$asOf`. Pure. */
export function sinceSql(source: string): string {
  return `select count(*) filter (where first_buy < $prev)::bigint as known,
  count(*) filter (where first_buy >= $prev)::bigint as new_customers,
  count(*) filter (where first_buy < $prev and not bought_since)::bigint as lapsed
from (
  select customer_id, min(order_date) as first_buy, bool_or(order_date >= $prev) as bought_since
  from ${quoteIdentifier(source)}
  where customer_id is not null and order_date < $asOf and not coalesce(is_return, false)
  group by customer_id
)`;
}

/**
 * New, known and lapsed customers since `previousAsOf` (see the module comment); a count below `minGroup`
 * (other than 0) is `null`.
 * @example const since = await sinceFigures(wb, { previousAsOf: new Date('2011-09-30'), asOf, minGroup: 10 });
 */
export async function sinceFigures(wb: Workbench, o: SinceOptions): Promise<SinceFigures> {
  const [row] = await wb.query<{ known: number; new_customers: number; lapsed: number }>(
    sinceSql(o.source ?? 'transactions'),
    { prev: o.previousAsOf, asOf: o.asOf },
  );
  const shown = (n: number | undefined) => {
    const v = Number(n ?? 0);
    return v > 0 && v < o.minGroup ? null : v;
  };
  return {
    previousAsOf: o.previousAsOf.toISOString().slice(0, 10),
    known: shown(row?.known),
    newCustomers: shown(row?.new_customers),
    lapsed: shown(row?.lapsed),
  };
}
