/**
 * What every subscription analysis checks first: the subscriptions table exists with the contract's
 * columns, its first and last month, its currencies, and the month range a call covers. Months are
 * first days of months (UTC), as `paying.ts` measures them.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import { optionalDate, type DateInput } from '../shared/validate.js';
import { subscriptionMessages } from './messages.js';

/** The columns of the `subscriptions` contract the analyses read. */
export const SUBSCRIPTION_CORE = ['subscription_id', 'customer_id', 'start_date', 'end_date', 'mrr'] as const;

/** Default table of subscription periods. */
export const SUBSCRIPTIONS_TABLE = 'subscriptions';

/** The columns of a table in the order they were created (empty when there is no such table). */
export async function columnsOf(wb: Workbench, table: string): Promise<string[]> {
  return (await wb.columns(table)).map((c) => c.name);
}

/** The span of the data: first start month and the month of the latest date, with the currencies used. */
export interface SubscriptionBounds {
  /** Columns of the table. */
  columns: string[];
  /** First day of the month of the earliest `start_date`. */
  first: Date;
  /** First day of the month of the latest `start_date` or `end_date`. */
  last: Date;
  /** Distinct currencies (empty when the table has no `currency` column). */
  currencies: string[];
}

/**
 * Check the table (exists, has the core columns minus `subscription_id`, has rows) and read its bounds.
 * Throws `NO_DATA` / `MISSING_FIELD` naming what to load.
 */
export async function subscriptionBounds(wb: Workbench, source: string): Promise<SubscriptionBounds> {
  const columns = await columnsOf(wb, source);
  if (columns.length === 0)
    throw new WorkbenchError('NO_DATA', subscriptionMessages.noSubscriptions(source), { source });
  const missing = SUBSCRIPTION_CORE.slice(1).filter((c) => !columns.includes(c));
  if (missing.length)
    throw new WorkbenchError('MISSING_FIELD', subscriptionMessages.subscriptionsLackColumns(source, missing, columns), {
      missing,
    });
  const t = quoteIdentifier(source);
  const [b] = await wb.query<{ first: Date | null; last: Date | null }>(
    `select date_trunc('month', min(start_date)) as first,
       date_trunc('month', greatest(max(start_date), coalesce(max(end_date), max(start_date)))) as last from ${t}`,
  );
  if (!b?.first || !b.last)
    throw new WorkbenchError('NO_DATA', subscriptionMessages.emptySubscriptions(source), { source });
  const currencies = columns.includes('currency')
    ? (
        await wb.query<{ c: string }>(
          `select distinct currency::varchar as c from ${t} where currency is not null order by c limit 20`,
        )
      ).map((r) => r.c)
    : [];
  return { columns, first: new Date(b.first), last: new Date(b.last), currencies };
}

/** First day (UTC) of the month holding `d`. */
export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** `d` moved by `n` months (first days of months stay first days). */
export function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate()));
}

/** Whole months from month `a` to month `b`. */
export function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** The months a call covers, as first days of months, and whether each end came from the data. */
export interface MonthRange {
  /** First month. */
  from: Date;
  /** Last month. */
  to: Date;
}

/**
 * The months from `from` to `to` (each truncated to its month), defaulting to the data's first and
 * last month; `BAD_OPTION` when an option is not a date or `from` is in a later month than `to`.
 */
export function monthRange(
  bounds: Pick<SubscriptionBounds, 'first' | 'last'>,
  from: DateInput | undefined,
  to: DateInput | undefined,
): MonthRange {
  const f = optionalDate('from', from);
  const t = optionalDate('to', to);
  const range = { from: monthStart(f ?? bounds.first), to: monthStart(t ?? bounds.last) };
  if (range.from > range.to)
    throw new WorkbenchError('BAD_OPTION', subscriptionMessages.monthsReversed(range.from, range.to), { from, to });
  return range;
}
