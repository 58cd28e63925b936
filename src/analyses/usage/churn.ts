/**
 * Churn by usage segment: do customers who use the product churn less? Among the customers paying at `at`
 * (subscriptions/paying.ts), each gets the usage segment of the window before `at`; churned = not paying at
 * `at + horizonMonths` (calendar months; a customer who stops and comes back within the horizon is not churned).
 * Per segment: customers, churned, the rate and its 95% Wilson interval, and one finding key.
 *
 * Finding, for the ordered groupings (usage segment, feature band): the most-used group (the last one with
 * customers: `power`, the top band) against the least-used group (the first one with customers, which is
 * `dormant` / band `0` when any paying customer had no event in the window: not using at all is the contrast
 * the question is about). `usage_lowers_churn` when the most-used group's interval lies entirely below the
 * least-used one's, `usage_raises_churn` the opposite, `no_clear_difference` otherwise, `too_small` when
 * either has fewer than `minSize` customers or there are not two groups. For platform groups (not ordered by
 * usage): the groups of at least `minSize` (without `(missing)`) with the lowest and highest churn rate,
 * `platforms_differ` when their intervals do not overlap.
 */
import { WorkbenchError } from '../../errors.js';
import { tagResult } from '../../inspect.js';
import { clearlyDifferent, wilson } from '../../stats/proportion.js';
import type { Workbench } from '../../workbench.js';
import { MISSING_SEGMENT } from '../segments/index.js';
import { checkOptionKeys, keyword, optionKeys, wholeNumber, minSizeOption } from '../shared/validate.js';
import type { UsageOptionsUsed } from './index.js';
import { usageSettings, windowUsed, type UsageWindowOptions } from './options.js';
import { addMonthsSql, subscriptionsLatestSql, usageChurnSql, windowStart, type UsageChurnBy } from './sql.js';
import { coverageWarnings, eventBounds } from './window.js';
import { usageMessages } from './messages.js';
import { eventColumnOf, isEventAttribute } from '../subscriptions/event-segments-sql.js';

export type { UsageChurnBy } from './sql.js';

/** Options of {@link usageChurn}. */
export interface UsageChurnOptions extends UsageWindowOptions {
  /** Churned = not paying this many calendar months after `at`. @defaultValue 3 */
  horizonMonths?: number;
  /**
   * Group by the usage segment, the platform group or the feature band, or by an attribute of the events at `at`
   * (the latest event at or before it): `'device'`, `'platform'` (iOS apart from Android), `'app_version'`,
   * `'app_major'` (the version's part before the first dot). @defaultValue 'usage_segment'
   */
  by?: UsageChurnBy;
  /** Groups with fewer customers are flagged `tooSmall` and not compared. @defaultValue 30 */
  minSize?: number;
}

const KEYS = optionKeys<UsageChurnOptions>({
  at: true,
  windowDays: true,
  lightBelow: true,
  powerAbove: true,
  featureBands: true,
  events: true,
  subscriptions: true,
  horizonMonths: true,
  by: true,
  minSize: true,
});

const BY: readonly UsageChurnBy[] = [
  'usage_segment',
  'platform_group',
  'features_band',
  'device',
  'platform',
  'app_version',
  'app_major',
];

/** Groupings whose groups have no usage order: compared lowest against highest churn. */
const UNORDERED: ReadonlySet<UsageChurnBy> = new Set([
  'platform_group',
  'device',
  'platform',
  'app_version',
  'app_major',
]);

/** The finding key (words: i18n). */
export type UsageChurnFinding =
  | 'usage_lowers_churn'
  | 'usage_raises_churn'
  | 'platforms_differ'
  | 'groups_differ'
  | 'no_clear_difference'
  | 'too_small';

/** Churn of one group. */
export interface UsageChurnRow {
  /** Group key: a usage segment, a feature band label, a platform group, an event attribute's value or `(missing)`. */
  segment: string;
  /** Position: least to most used (platform groups and event attributes: 0, `(missing)` 1). */
  order: number;
  /** Customers paying at `at`. */
  customers: number;
  /** Of them, not paying at the horizon's end. */
  churned: number;
  /** churned ÷ customers. */
  rate: number;
  /** 95% Wilson interval of the rate. */
  low: number;
  high: number;
  /** Fewer than `minSize` customers. */
  tooSmall: boolean;
}

/** The two groups the finding compares. */
export type UsageChurnCompared =
  { leastUsed: string; mostUsed: string } | { lowestChurn: string; highestChurn: string };

/** What {@link usageChurn} returns. */
export interface UsageChurnResult {
  by: UsageChurnBy;
  /** Groups in order (only groups with customers). */
  rows: UsageChurnRow[];
  /** All customers paying at `at`, churned among them, and the overall rate with its 95% Wilson interval. */
  overall: { customers: number; churned: number; rate: number; low: number; high: number };
  finding: UsageChurnFinding;
  /** The groups compared (null when there were not two to compare). */
  compared: UsageChurnCompared | null;
  /** Options used; `horizonEnd` = at + horizonMonths, `dataEnd` = the latest date in the subscriptions. */
  options: UsageOptionsUsed & {
    horizonMonths: number;
    horizonEnd: Date;
    dataEnd: Date;
    by: UsageChurnBy;
    minSize: number;
  };
  warnings: string[];
}

/** The finding and the compared groups for rows in order (see the module comment). Pure. */
export function usageChurnFinding(
  rows: readonly UsageChurnRow[],
  by: UsageChurnBy,
  minSize: number,
): { finding: UsageChurnFinding; compared: UsageChurnCompared | null } {
  if (UNORDERED.has(by)) {
    const groups = rows.filter((r) => r.segment !== MISSING_SEGMENT && r.customers >= minSize);
    if (groups.length < 2) return { finding: 'too_small', compared: null };
    const low = groups.reduce((a, r) => (r.rate < a.rate ? r : a));
    const high = groups.reduce((a, r) => (r.rate > a.rate ? r : a));
    const interval = (r: UsageChurnRow) => ({
      events: r.churned,
      total: r.customers,
      rate: r.rate,
      low: r.low,
      high: r.high,
    });
    return {
      finding: !clearlyDifferent(interval(low), interval(high))
        ? 'no_clear_difference'
        : by === 'platform_group'
          ? 'platforms_differ'
          : 'groups_differ',
      compared: { lowestChurn: low.segment, highestChurn: high.segment },
    };
  }
  const least = rows[0];
  const most = rows[rows.length - 1];
  if (!least || !most || rows.length < 2) return { finding: 'too_small', compared: null };
  const compared = { leastUsed: least.segment, mostUsed: most.segment };
  if (least.customers < minSize || most.customers < minSize) return { finding: 'too_small', compared };
  const finding =
    most.high < least.low ? 'usage_lowers_churn' : least.high < most.low ? 'usage_raises_churn' : 'no_clear_difference';
  return { finding, compared };
}

async function addMonths(wb: Workbench, d: Date, months: number): Promise<Date> {
  const [row] = await wb.query<{ d: Date }>(addMonthsSql(), { d, months });
  if (!row) throw new Error('usageChurn: date arithmetic returned no row');
  return row.d;
}

/**
 * Churn rate with its 95% interval per usage segment (or platform group, or feature band) of the customers paying at `at`.
 * @example const c = await usageChurn(wb, { horizonMonths: 3 }); c.finding // 'usage_lowers_churn'
 */
export async function usageChurn(wb: Workbench, options: UsageChurnOptions = {}): Promise<UsageChurnResult> {
  checkOptionKeys('usageChurn', options, KEYS);
  const s = usageSettings(options);
  const horizonMonths = wholeNumber('horizonMonths', options.horizonMonths ?? 3, 1, 120);
  const by = options.by === undefined ? 'usage_segment' : keyword('by', options.by, BY);
  const minSize = minSizeOption(options.minSize);
  if (!(await wb.hasTable(s.subscriptions))) {
    throw new WorkbenchError('NO_DATA', usageMessages.noSubscriptionsTable('usageChurn', s.subscriptions), {
      subscriptions: s.subscriptions,
    });
  }
  const [latestRow] = await wb.query<{ latest: Date | null }>(subscriptionsLatestSql(s.subscriptions));
  const dataEnd = latestRow?.latest;
  if (!dataEnd)
    throw new WorkbenchError('NO_DATA', usageMessages.noSubscriptionRows(s.subscriptions), {
      subscriptions: s.subscriptions,
    });
  const at = s.at ?? (await addMonths(wb, dataEnd, -horizonMonths));
  const horizonEnd = await addMonths(wb, at, horizonMonths);
  if (horizonEnd > dataEnd) {
    throw new WorkbenchError(
      'BAD_OPTION',
      usageMessages.horizonNotObserved(at, horizonMonths, horizonEnd, dataEnd, s.subscriptions),
      { at, horizonMonths, horizonEnd, dataEnd },
    );
  }
  const bounds = await eventBounds(wb, s.events);
  if (isEventAttribute(by)) {
    const column = eventColumnOf(by);
    const columns = (await wb.columns(s.events)).map((c) => c.name);
    if (!columns.includes(column))
      throw new WorkbenchError('MISSING_FIELD', usageMessages.noEventColumn(s.events, by, column, columns), {
        events: s.events,
        missing: [column],
      });
  }
  const from = windowStart(at, s.windowDays);
  const { sql, params } = usageChurnSql({
    ...s,
    at,
    by,
    end: horizonEnd,
    missing: MISSING_SEGMENT,
    withSubscriptions: true,
  });
  const raw = await wb.query<{ segment: string; segment_order: number; customers: number; churned: number }>(
    sql,
    params,
  );
  if (raw.length === 0) throw new WorkbenchError('NO_DATA', usageMessages.noPayingAt(at, s.subscriptions), { at });
  const rows = raw.map((r): UsageChurnRow => {
    const p = wilson(r.churned, r.customers);
    return {
      segment: r.segment,
      order: r.segment_order,
      customers: r.customers,
      churned: r.churned,
      rate: p.rate,
      low: p.low,
      high: p.high,
      tooSmall: r.customers < minSize,
    };
  });
  const customers = rows.reduce((a, r) => a + r.customers, 0);
  const churned = rows.reduce((a, r) => a + r.churned, 0);
  const all = wilson(churned, customers);
  const warnings = coverageWarnings(bounds, from, at, s.events);
  const small = rows.filter((r) => r.tooSmall);
  if (small.length) warnings.push(usageMessages.warnSmallUsageSegments(minSize, small));
  return tagResult(
    {
      by,
      rows,
      overall: { customers, churned, rate: all.rate, low: all.low, high: all.high },
      ...usageChurnFinding(rows, by, minSize),
      options: {
        ...windowUsed(s, at, from),
        horizonMonths,
        horizonEnd,
        dataEnd,
        by,
        minSize,
      },
      warnings,
    },
    'UsageChurnResult',
  );
}
