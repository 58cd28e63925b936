/**
 * Occasion and timing: when customers buy. From the order timestamps, per customer: the share of orders on
 * weekends, per time-of-day band (only when the data has times), in the holiday season, the regular purchase
 * cycle and whether the next order is overdue; from those, one timing segment per customer by the rules of
 * `TIMING_RULES` (sql.ts), in a fixed priority so every customer is in exactly one. All in DuckDB over the whole
 * data ({@link timingCustomersSql}); the result holds segments, totals and a weekday × hour grid, which are few.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { messages } from '../../messages.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { resolveAsOf } from '../shared/as-of.js';
import { withOrderDayGaps } from '../shared/customer-cache.js';
import { checkOptionKeys, optionKeys, minSizeOption } from '../shared/validate.js';
import { timingMessages } from './messages.js';
import {
  hasTimesSql,
  TIME_BANDS,
  timingCustomersSql,
  timingGridSql,
  timingSegmentsSql,
  timingTotalsSql,
  TIMING_RULES,
  TIMING_SEGMENTS,
  type TimeBand,
  type TimingSegment,
} from './sql.js';
import type { TimingGridCell, TimingOptions, TimingResult, TimingSegmentSummary } from './types.js';

export { TIME_BANDS, TIMING_RULES, TIMING_SEGMENTS, type TimeBand, type TimingSegment } from './sql.js';
export type {
  TimingOptions,
  TimingOptionsUsed,
  TimingSegmentSummary,
  TimingGridCell,
  TimingOrderCounts,
  TimingResult,
} from './types.js';

const REQUIRED = ['customer_id', 'order_id', 'order_date', 'amount', 'is_return'];
const TIMING_KEYS = optionKeys<TimingOptions>({ asOf: true, minSize: true, source: true });
const DAY_MS = 86_400_000;

async function checkSource(wb: Workbench, source: string): Promise<void> {
  const cols = await wb.query<{ column_name: string }>(
    'select column_name from information_schema.columns where table_name = $t order by ordinal_position',
    { t: source },
  );
  const have = cols.map((c) => c.column_name);
  if (have.length === 0) throw new WorkbenchError('NO_DATA', messages.noTable(source), { source });
  const missing = REQUIRED.filter((c) => !have.includes(c));
  if (missing.length)
    throw new WorkbenchError('MISSING_FIELD', messages.lacksColumns(source, missing, have), { missing });
}

/** Whether a day (UTC midnight) is a holiday-season day by {@link TIMING_RULES}. */
function isSeasonDay(d: Date): boolean {
  const { month, day } = TIMING_RULES.seasonStart;
  const m = d.getUTCMonth() + 1;
  return m > month || (m === month && d.getUTCDate() >= day);
}

/** Days from the day of `first` up to (not including) the day of `asOf`, and the season days among them. */
export function seasonWindow(first: Date | undefined, asOf: Date): { days: number; seasonDays: number } {
  if (!first) return { days: 0, seasonDays: 0 };
  const start = Math.floor(first.getTime() / DAY_MS);
  const end = Math.ceil(asOf.getTime() / DAY_MS);
  let seasonDays = 0;
  for (let d = start; d < end; d++) if (isSeasonDay(new Date(d * DAY_MS))) seasonDays += 1;
  return { days: Math.max(0, end - start), seasonDays };
}

/** Every weekday × hour cell (hours 0–23, or one null hour without times), with the counted orders. */
function fullGrid(cells: readonly TimingGridCell[], hasTimes: boolean): TimingGridCell[] {
  const count = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.orders]));
  const hours = hasTimes ? Array.from({ length: 24 }, (_, h) => h) : [null];
  return [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
    hours.map((hour) => ({ weekday, hour, orders: count.get(`${weekday}:${hour}`) ?? 0 })),
  );
}

type Totals = Record<
  'customers' | 'orders' | 'weekend' | 'season' | TimeBand | 'season_buyers' | 'weekend_buyers' | 'with_cycle' | 'due',
  number
> & { revenue: number; median_cycle: number | null; first_order: Date | null };

function segmentSummaries(
  rows: ReadonlyArray<{ segment: string; customers: number; revenue: number }>,
  hasTimes: boolean,
  totals: Totals,
  minSize: number,
): TimingSegmentSummary[] {
  const keys = TIMING_SEGMENTS.filter((k) => hasTimes || !(TIME_BANDS as readonly string[]).includes(k));
  return keys.map((key: TimingSegment) => {
    const row = rows.find((r) => r.segment === key);
    const customers = Number(row?.customers ?? 0);
    const revenue = Number(row?.revenue ?? 0);
    return {
      key,
      customers,
      share: totals.customers > 0 ? customers / totals.customers : NaN,
      revenue,
      revenueShare: totals.revenue > 0 ? revenue / totals.revenue : NaN,
      revenuePerCustomer: customers > 0 ? revenue / customers : NaN,
      tooSmall: customers < minSize,
    };
  });
}

/**
 * When customers buy: weekend, time-of-day, holiday-season and purchase-cycle patterns, one timing segment per
 * customer (see `TIMING_RULES`), and the orders per weekday × hour.
 * @example const result = await timing(wb, { asOf: '2011-12-10' });
 */
export async function timing(wb: Workbench, options: TimingOptions = {}): Promise<TimingResult> {
  checkOptionKeys('timing', options, TIMING_KEYS);
  const source = options.source ?? 'transactions';
  const minSize = minSizeOption(options.minSize);
  await checkSource(wb, source);
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf);
  // a table per call, so concurrent calls on one Workbench cannot read each other's rows
  const table = wb.tempName('_swb_timing');
  let rows: Array<{ segment: string; customers: number; revenue: number }>;
  let totals: Totals | undefined;
  let hasTimes = false;
  let cells: Array<{ weekday: number; hour: number | null; orders: number }> = [];
  try {
    await withOrderDayGaps(wb, { source, asOf }, async (gaps, orders) => {
      const [times] = await wb.query<{ has_times: boolean | null }>(hasTimesSql(orders));
      hasTimes = times?.has_times === true;
      await wb.run(timingCustomersSql({ orders, gaps, table }), { asOf, hasTimes });
      cells = await wb.query(timingGridSql(orders, hasTimes));
    });
    rows = await wb.query(timingSegmentsSql(table));
    [totals] = await wb.query<Totals>(timingTotalsSql(table));
  } finally {
    await wb.run(`drop table if exists ${quoteIdentifier(table)}`);
  }
  if (!totals) throw new Error('timing: totals query returned no row');
  const warnings: string[] = [];
  if (totals.customers === 0) warnings.push(timingMessages.warnNoCustomers());
  else if (!hasTimes) warnings.push(timingMessages.warnNoTimes());
  return tagResult(
    {
      options: { asOf, asOfFromData: fromData, minSize, source },
      hasTimes,
      customerCount: totals.customers,
      revenue: totals.revenue,
      segments: segmentSummaries(rows, hasTimes, totals, minSize),
      orders: {
        total: totals.orders,
        weekend: totals.weekend,
        season: totals.season,
        bands: { night: totals.night, morning: totals.morning, afternoon: totals.afternoon, evening: totals.evening },
      },
      patterns: { season: totals.season_buyers, weekend: totals.weekend_buyers, due: totals.due },
      cycle: { customers: totals.with_cycle, medianDays: totals.median_cycle ?? NaN },
      window: seasonWindow(totals.first_order ?? undefined, asOf),
      grid: fullGrid(cells, hasTimes),
      warnings,
    },
    'TimingResult',
  );
}
