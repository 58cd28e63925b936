/**
 * The per-customer calibration summary that BG/NBD and Gamma-Gamma are fitted on, in DuckDB:
 * `x` repeat purchase days after the first, `t_x` time of the last one since the first, `T` time
 * observed, `monetary` mean spend per repeat purchase day, and (with a holdout) what each customer
 * bought after the calibration end. As in the literature (Fader, Hardie & Lee 2005), a day with
 * several orders counts as one purchase with the day's spend summed; returns on a purchase day are netted against that day's spend, a day that nets to 0 or less (an order cancelled the
 * same day) is no purchase, and other return rows are left out.
 *
 * Time is measured in whole days from the first purchase day: `t_x` to the last purchase day,
 * `T` to the calibration end day (which itself belongs to the calibration period). In weeks both are
 * divided by 7. This reproduces the published CDNOW summary (39-week calibration period
 * 1997-01-01 … 1997-09-30: a customer who first bought on 1 January has T = 272/7 = 38.86).
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier, moneySum } from '../../sql.js';
import { messages } from '../../messages.js';
import {
  checkOptionKeys,
  dateOption,
  keyword,
  optionalDate,
  optionKeys,
  outputTable,
  type DateInput,
} from '../shared/validate.js';
import { clvMessages } from './messages.js';

/** Time unit of `t_x`, `T` and horizons. */
export type ClvUnit = 'days' | 'weeks';

/** Options of {@link clvSummary}. */
export interface ClvSummaryOptions {
  /** Last day of the calibration period (its date in UTC; purchases on that day count). Required. */
  calibrationEnd: DateInput;
  /** Last day of the holdout period (inclusive), after `calibrationEnd`. @defaultValue no holdout */
  holdoutEnd?: DateInput;
  /** Unit of `t_x` and `T`. @defaultValue 'weeks' */
  unit?: ClvUnit;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Table (re)created with one row per customer (see {@link ClvSummaryRow}). @defaultValue 'clv_summary' */
  table?: string;
  /** Allow `table` to name an input table (`transactions`, `customers`) or `source`, replacing it. @defaultValue false */
  replace?: boolean;
}

/** One row of the summary table. */
export interface ClvSummaryRow {
  customer_id: string;
  /** First purchase day. */
  first_purchase: Date;
  /** Repeat purchase days in the calibration period. */
  x: number;
  /** Time from the first to the last purchase day (0 when x = 0). */
  t_x: number;
  /** Time from the first purchase day to the calibration end day. */
  T: number;
  /** Mean spend per repeat purchase day (0 when x = 0). */
  monetary: number;
  /** Purchase days in the holdout period (null without a holdout). */
  x_holdout: number | null;
  /** Spend in the holdout period (null without a holdout). */
  spend_holdout: number | null;
}

/** What {@link clvSummary} returns. */
export interface ClvSummaryResult {
  /** Table with one {@link ClvSummaryRow} per customer who bought by the calibration end. */
  table: string;
  /** Options used, defaults resolved. */
  options: Required<Omit<ClvSummaryOptions, 'calibrationEnd' | 'holdoutEnd' | 'replace'>> & {
    calibrationEnd: Date;
    holdoutEnd: Date | null;
  };
  /** Customers in the summary. */
  customers: number;
  /** Customers with x > 0. */
  repeatBuyers: number;
  /** Length of the holdout period in `unit` (0 without a holdout). */
  holdoutLength: number;
}

const DAY = 86_400_000;

/** Midnight UTC of a date's UTC day. */
export function utcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY) * DAY);
}

/**
 * The purchase days up to the end of the `$holdEnd` day (a day start): one row (customer_id, day, spend)
 * per day with a purchase that its same-day returns do not cancel, spend netted exactly (DECIMAL, so the
 * sums over a customer's days are exact too and the same data gives the same bits).
 */
export function purchaseDaysSql(source: string): string {
  return `select customer_id, date_trunc('day', order_date) as day, ${moneySum()} as spend
  from ${quoteIdentifier(source)}
  where order_date < $holdEnd + interval 1 day
  group by all
  having bool_or(not is_return) and (${moneySum()} > 0 or not bool_or(is_return))`;
}

/** SQL creating the summary table; binds `$calEnd`, `$holdEnd` (both day starts) and `$perUnit` (days per unit). */
export function clvSummarySql(source: string, table: string): string {
  // One aggregation over the customer-days, no join: the first day's spend comes from arg_min.
  // A purchase day is a day with at least one purchase row; that day's returns are netted against its
  // spend, and a day they bring to 0 or less is no purchase (an order cancelled the day it was placed).
  // A day without returns always counts, whatever its spend (CDNOW's $0 purchases are purchases). Returns
  // on other days are left out. Money is summed exactly (moneySum).
  return `create or replace table ${quoteIdentifier(table)} as
with days as (${purchaseDaysSql(source)}), agg as (
  select customer_id, min(day) as first_day,
    (count(*) filter (where day <= $calEnd) - 1)::integer as x,
    max(day) filter (where day <= $calEnd) as last_day,
    sum(spend) filter (where day <= $calEnd) - arg_min(spend, day) as repeat_spend,
    (count(*) filter (where day > $calEnd))::integer as x_after,
    coalesce(sum(spend) filter (where day > $calEnd), 0) as spend_after
  from days group by customer_id having min(day) <= $calEnd
)
select customer_id,
  first_day::date as first_purchase,
  x,
  date_diff('day', first_day, last_day) / $perUnit as t_x,
  date_diff('day', first_day, $calEnd) / $perUnit as "T",
  case when x > 0 then repeat_spend::double / x else 0 end as monetary,
  case when $holdEnd > $calEnd then x_after end as x_holdout,
  case when $holdEnd > $calEnd then spend_after::double end as spend_holdout
from agg
order by customer_id`;
}

/**
 * Build the calibration summary table from the transactions.
 * @example const s = await clvSummary(wb, { calibrationEnd: new Date('1997-09-30'), holdoutEnd: new Date('1998-06-30') });
 */
export async function clvSummary(wb: Workbench, options: ClvSummaryOptions): Promise<ClvSummaryResult> {
  checkOptionKeys(
    'clvSummary',
    options,
    optionKeys<ClvSummaryOptions>({
      calibrationEnd: true,
      holdoutEnd: true,
      unit: true,
      source: true,
      table: true,
      replace: true,
    }),
  );
  const source = options.source ?? 'transactions';
  const table = outputTable('clvSummary', options.table, 'clv_summary', {
    source,
    ...(options.replace ? { replace: true } : {}),
  });
  const unit = options.unit ?? 'weeks';
  keyword('unit', unit, ['days', 'weeks']);
  if (options.calibrationEnd === undefined) throw new WorkbenchError('BAD_OPTION', clvMessages.badCalibrationEnd(), {});
  const calEnd = utcDay(dateOption('calibrationEnd', options.calibrationEnd));
  const holdoutEnd = optionalDate('holdoutEnd', options.holdoutEnd);
  const holdEnd = holdoutEnd === undefined ? null : utcDay(holdoutEnd);
  if (holdEnd !== null && !(holdEnd > calEnd)) {
    throw new WorkbenchError('BAD_OPTION', clvMessages.holdoutNotAfter(holdoutEnd, calEnd), {});
  }
  if (!(await wb.hasTable(source))) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const perUnit = unit === 'weeks' ? 7 : 1;
  await wb.run(clvSummarySql(source, table), { calEnd, holdEnd: holdEnd ?? calEnd, perUnit });
  const [row] = await wb.query(
    `select count(*) as n, count(*) filter (where x > 0) as repeaters from ${quoteIdentifier(table)}`,
  );
  const customers = Number(row?.['n'] ?? 0);
  if (customers === 0) {
    throw new WorkbenchError('NO_DATA', clvMessages.noCalibrationCustomers(source, calEnd), { calibrationEnd: calEnd });
  }
  return {
    table,
    options: { calibrationEnd: calEnd, holdoutEnd: holdEnd, unit, source, table },
    customers,
    repeatBuyers: Number(row?.['repeaters'] ?? 0),
    holdoutLength: holdEnd === null ? 0 : (holdEnd.getTime() - calEnd.getTime()) / DAY / perUnit,
  };
}

/** A group of customers with the same (x, t_x, T), the unit the likelihoods are summed over. */
export interface ClvGroup {
  x: number;
  t_x: number;
  T: number;
  /** Customers in the group. */
  count: number;
}

/**
 * The summary grouped by (x, t_x, T), in a stable order.
 * @example const fit = fitParetoNbd(await clvGroups(wb, 'clv_summary'));
 */
export async function clvGroups(wb: Workbench, table: string): Promise<ClvGroup[]> {
  const rows = await wb.query<{ x: number; t_x: number; T: number; count: number }>(
    `select x, t_x, "T", count(*)::double as count from ${quoteIdentifier(table)} group by all order by x, t_x, "T"`,
  );
  return rows.map((r) => ({ x: Number(r.x), t_x: Number(r.t_x), T: Number(r.T), count: Number(r.count) }));
}

/**
 * The day of the first order of `source` before `before` (null when there is none).
 * @example const first = await firstOrderDay(wb, 'transactions', asOf);
 */
export async function firstOrderDay(wb: Workbench, source: string, before: Date): Promise<Date | null> {
  const [row] = await wb.query(
    `select date_trunc('day', min(order_date))::timestamp as first from ${quoteIdentifier(source)} where order_date < $before`,
    { before },
  );
  const first = row?.['first'];
  return first instanceof Date ? first : null;
}
