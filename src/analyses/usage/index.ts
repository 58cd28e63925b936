/**
 * Usage segments (behavioural and technographic) from product usage events: per customer, over the days
 * `[at − windowDays, at)`, the active days, the features used (distinct event names), the events, the days
 * since the last use and the main platform; then a segment by a stated rule on the share of the window's days
 * the customer was active:
 * - `dormant`: no event in the window (also customers who never used the product);
 * - `light`: active on fewer than `lightBelow` (25%) of the window's days;
 * - `regular`: from `lightBelow` up to and including `powerAbove` (60%);
 * - `power`: more than `powerAbove` of the days.
 *
 * The assignment is written to a table (`usage_segments`) with one row per customer, so it works where a
 * per-customer table is read: `segmentBy(wb, { column: 'usage_segment' }, { customers: 'usage_segments' })`
 * (needs a transactions table for the purchase figures segmentBy adds) and `subscriptionChurn(wb, { by: {
 * table: 'usage_segments', column: 'usage_segment' } })`.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { quoteIdentifier } from '../../sql.js';
import type { Workbench } from '../../workbench.js';
import { MISSING_SEGMENT } from '../segments/index.js';
import { checkOptionKeys, keyword, optionKeys, outputTable } from '../shared/validate.js';
import {
  USAGE_SEGMENTS,
  usageSettings,
  windowUsed,
  type UsageSegment,
  type UsageSettings,
  type UsageWindowOptions,
} from './options.js';
import { usageCustomersSql, windowStart } from './sql.js';
import { coverageWarnings, dayAfterLastEvent, eventBounds, type EventBounds } from './window.js';
import { usageMessages } from './messages.js';

export { USAGE_SEGMENTS, type UsageSegment, type UsageWindowOptions } from './options.js';
export { PLATFORM_GROUPS } from './sql.js';

/** Options of {@link usageSegments}. */
export interface UsageSegmentsOptions extends UsageWindowOptions {
  /**
   * Whom to segment: `paying` — customers paying at `at` (subscriptions/paying.ts); `all` — customers with an event
   * before `at`, plus the paying ones when there is a subscriptions table.
   * @defaultValue 'paying' when the subscriptions table exists, else 'all'
   */
  customers?: 'paying' | 'all';
  /** Table (re)created with one row per customer. @defaultValue 'usage_segments' */
  table?: string;
  /** Allow `table` to name an input table (events, subscriptions, transactions, customers), replacing it. @defaultValue false */
  replace?: boolean;
}

const KEYS = optionKeys<UsageSegmentsOptions>({
  at: true,
  windowDays: true,
  lightBelow: true,
  powerAbove: true,
  featureBands: true,
  events: true,
  subscriptions: true,
  customers: true,
  table: true,
  replace: true,
});

/** The shared options as used (defaults filled in, `at` resolved). */
export interface UsageOptionsUsed extends Omit<UsageSettings, 'at'> {
  /** End of the window (exclusive), a day. */
  at: Date;
  /** True when `at` was derived from the data. */
  atFromData: boolean;
  /** First day of the window (inclusive): `at − windowDays`. */
  windowStart: Date;
}

/** One usage segment. */
export interface UsageSegmentSummary {
  segment: UsageSegment;
  /** Position from least (0, dormant) to most used (3, power); `segment_order` in the table. */
  order: number;
  customers: number;
  /** Share of all customers segmented (NaN without customers). */
  share: number;
  /** Mean active days in the window (NaN for an empty segment). */
  meanActiveDays: number;
  /** Mean distinct features (event names) in the window (NaN for an empty segment). */
  meanFeatures: number;
}

/** Customers per platform group (main platform grouped, see `PLATFORM_GROUPS`). */
export interface PlatformMixRow {
  /** `mobile`, `desktop`, another platform as given, or `(missing)` for customers without a platform. */
  platformGroup: string;
  customers: number;
  share: number;
}

/** What {@link usageSegments} returns; the per-customer rows are in `table`. */
export interface UsageSegmentsResult {
  /** Table with `customer_id, active_days, features, events, days_since_last_use, main_platform, platform_group, usage_segment, segment_order, features_band`. */
  table: string;
  /** The four segments, least used first (empty ones included). */
  segments: UsageSegmentSummary[];
  /** Customers per platform group, largest first, `(missing)` last. */
  platforms: PlatformMixRow[];
  /** Customers segmented. */
  customerCount: number;
  /** Of them, customers without any event before `at`. */
  neverUsed: number;
  /** First and last event in the events table. */
  eventRange: EventBounds;
  /** Options used. */
  options: UsageOptionsUsed & { customers: 'paying' | 'all'; table: string };
  /** Recoverable quirks (window outside the data, customers who never used the product). */
  warnings: string[];
}

/**
 * Segment customers by their product usage over the window before `at` and write the per-customer table.
 * @example const u = await usageSegments(wb, { windowDays: 30 }); // then segmentBy(wb, { column: 'usage_segment' }, { customers: u.table })
 */
export async function usageSegments(wb: Workbench, options: UsageSegmentsOptions = {}): Promise<UsageSegmentsResult> {
  checkOptionKeys('usageSegments', options, KEYS);
  const s = usageSettings(options);
  const protect = options.replace ? { replace: true } : {};
  const table = outputTable('usageSegments', options.table, 'usage_segments', { source: s.events, ...protect });
  outputTable('usageSegments', options.table, 'usage_segments', { source: s.subscriptions, ...protect });
  const bounds = await eventBounds(wb, s.events);
  const hasSubscriptions = await wb.hasTable(s.subscriptions);
  const customers =
    options.customers === undefined
      ? hasSubscriptions
        ? 'paying'
        : 'all'
      : keyword('customers', options.customers, ['paying', 'all'] as const);
  if (customers === 'paying' && !hasSubscriptions) {
    throw new WorkbenchError('NO_DATA', usageMessages.noSubscriptionsTable('usageSegments', s.subscriptions), {
      subscriptions: s.subscriptions,
    });
  }
  const at = s.at ?? dayAfterLastEvent(bounds, s.events);
  const from = windowStart(at, s.windowDays);
  const { sql, params } = usageCustomersSql({ ...s, at, universe: customers, withSubscriptions: hasSubscriptions });
  const t = quoteIdentifier(table);
  await wb.run(
    `create or replace table ${t} as
    select customer_id, active_days, features, events, days_since_last_use, main_platform, platform_group, usage_segment, segment_order, features_band
    from (${sql}) order by customer_id`,
    params,
  );
  const rows = await wb.query<{ o: number; n: number; days: number | null; features: number | null; never: number }>(
    `select segment_order as o, count(*)::bigint as n, avg(active_days)::double as days, avg(features)::double as features,
       count(*) filter (where days_since_last_use is null)::bigint as never
     from ${t} group by all order by o`,
  );
  const customerCount = rows.reduce((a, r) => a + r.n, 0);
  if (customerCount === 0)
    throw new WorkbenchError('NO_DATA', usageMessages.noUsageCustomers(customers, at), { at, customers });
  const segments = USAGE_SEGMENTS.map((segment, order): UsageSegmentSummary => {
    const r = rows.find((x) => x.o === order);
    const n = r?.n ?? 0;
    return {
      segment,
      order,
      customers: n,
      share: n / customerCount,
      meanActiveDays: r?.days ?? NaN,
      meanFeatures: r?.features ?? NaN,
    };
  });
  const mix = await wb.query<{ g: string; n: number }>(
    `select platform_group is null as m, coalesce(platform_group, $missing) as g, count(*)::bigint as n from ${t}
     group by all order by m, n desc, g`,
    { missing: MISSING_SEGMENT },
  );
  const neverUsed = rows.reduce((a, r) => a + r.never, 0);
  const warnings = coverageWarnings(bounds, from, at, s.events);
  if (neverUsed > 0) warnings.push(usageMessages.warnNeverUsed(neverUsed, customerCount));
  return tagResult(
    {
      table,
      segments,
      platforms: mix.map((m) => ({ platformGroup: m.g, customers: m.n, share: m.n / customerCount })),
      customerCount,
      neverUsed,
      eventRange: bounds,
      options: {
        ...windowUsed(s, at, from),
        customers,
        table,
      },
      warnings,
    },
    'UsageSegmentsResult',
  );
}
