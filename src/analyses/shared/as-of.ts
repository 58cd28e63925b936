/**
 * The default as-of rule, in one place: an analysis looks at the data as of a moment; given, it is
 * checked, else it is the day after the last order (00:00 UTC), so the last order day counts in full
 * and recency of a customer who bought that day is 1. No analysis reads the clock.
 */
import { WorkbenchError } from '../../errors.js';
import { messages } from '../../messages.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { dateOption, type DateInput } from './validate.js';

/** SQL of the default as-of moment of a transactions table (one row, column `as_of`; NULL without rows). Pure. */
export function defaultAsOfSql(source: string): string {
  return `select date_trunc('day', max(order_date)) + interval 1 day as as_of from ${quoteIdentifier(source)}`;
}

/** The day after the last order in `source` (00:00 UTC), or undefined when it has no rows. */
export async function dayAfterLastOrder(wb: Workbench, source: string): Promise<Date | undefined> {
  const [row] = await wb.query(defaultAsOfSql(source));
  const derived = row?.['as_of'];
  return derived instanceof Date ? derived : undefined;
}

/** The as-of moment used, and whether it came from the data. */
export interface ResolvedAsOf {
  /** As-of moment. */
  asOf: Date;
  /** True when it was derived from the data (the day after the last order). */
  fromData: boolean;
}

/**
 * The given as-of moment (checked), or the day after the last order in `source`.
 * @param noOrders Message when `source` has no rows. @defaultValue "Table <source> has no orders to analyse."
 * @example const { asOf, fromData } = await resolveAsOf(wb, 'transactions', options.asOf);
 */
export async function resolveAsOf(
  wb: Workbench,
  source: string,
  asOf: DateInput | undefined,
  noOrders = messages.noOrders(source),
): Promise<ResolvedAsOf> {
  if (asOf !== undefined) return { asOf: dateOption('asOf', asOf), fromData: false };
  const derived = await dayAfterLastOrder(wb, source);
  if (!derived) throw new WorkbenchError('NO_DATA', noOrders, { source });
  return { asOf: derived, fromData: true };
}
