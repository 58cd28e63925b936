/**
 * Subscription cohorts: customers grouped by the first month they pay (at a month end, paying.ts),
 * followed month by month: paying customers and MRR retained, as shares of month 0.
 *
 * The result IS a `CohortResult` (the order cohorts' type), so the cohort charts and the cohort
 * helpers (`averageCurve`) draw and average it unchanged. The order cohorts' fields map as:
 * `active` = paying at the end of month k, `revenue` = MRR at that month end (summed over the cohort),
 * `revenueRetention` = MRR ÷ month-0 MRR (net MRR retention: expansion counts), `cumulativeRevenuePerCustomer`
 * = MRR per customer summed over months 0..k (revenue to date if billed monthly). Fields about orders
 * keep neutral values: `returns: 'net'` with 0 returns, never `partial` (a month-end MRR is a state, not
 * a flow that a cut-off month would leave half counted), `by: null` (cohorts by start month). With `by`, the
 * same cohorts per segment too (`segments`): a customer's segment is the value they start paying on, and a
 * segment of fewer than `minSize` customers is `tooSmall` (shown, never compared).
 */
import type { Workbench } from '../../workbench.js';
import { tagResult } from '../../inspect.js';
import { averageCurve } from '../cohorts/index.js';
import type { CohortCell, CohortOptionsUsed, CohortResult, CohortSummary } from '../cohorts/types.js';
import { checkOptionKeys, minSizeOption, optionKeys, type DateInput } from '../shared/validate.js';
import { resolveChurnBy, type ChurnBy, type ResolvedChurnBy } from './churn-by.js';
import { subscriptionCohortsSql } from './cohorts-sql.js';
import { withMonthTables } from './months.js';
import { addMonths, monthRange, SUBSCRIPTIONS_TABLE } from './source.js';
import { inOneCurrency, type FxRates, type FxUsed } from './fx.js';
import { subscriptionMessages } from './messages.js';

/** Options of {@link subscriptionCohorts}. */
export interface SubscriptionCohortOptions {
  /** First cohort month (any day of it). @defaultValue the month of the earliest start_date */
  from?: DateInput;
  /** Last cohort month and end of observation (any day of it). @defaultValue the month of the latest start_date or end_date */
  to?: DateInput;
  /** Subscriptions table. @defaultValue 'subscriptions' */
  source?: string;
  /** Exchange rates into one currency, applied before any sum (as mrrMovements takes them). @defaultValue none */
  fx?: FxRates;
  /**
   * Also the cohorts per segment: `'plan'` or another subscriptions column (the value a customer starts paying
   * on: no hindsight), a column of the customers table, or `{ table, column }`, as subscriptionChurn takes it.
   * @defaultValue none (no `segments`)
   */
  by?: ChurnBy;
  /** With `by`: segments of fewer customers are `tooSmall`. @defaultValue 30 */
  minSize?: number;
  /** Customers table (for a `by` column of it). @defaultValue 'customers' */
  customers?: string;
}

/** The cohorts of one segment (with `by`). */
export interface SubscriptionCohortSegment {
  /** The segment value (null: customers without one). */
  segment: string | null;
  /** Customers in the segment's cohorts. */
  customers: number;
  /** Fewer customers than `minSize`: show, never compare. */
  tooSmall: boolean;
  /** The segment's cohorts, as the whole result has them for everyone. */
  cohorts: SubscriptionCohortResult;
}

/** The options used: the order cohorts' fields (period 'month', asOf = the day after the last month) plus the month range. */
export interface SubscriptionCohortOptionsUsed extends CohortOptionsUsed {
  /** First cohort month. */
  from: Date;
  /** Last cohort month, the last month observed. */
  to: Date;
}

/** What {@link subscriptionCohorts} returns: a {@link CohortResult} (drawn by the cohort charts) with MRR as revenue. */
export interface SubscriptionCohortResult extends CohortResult {
  /** Options actually used. */
  options: SubscriptionCohortOptionsUsed;
  /** The one currency of every amount (the report currency with `fx`), or null when the table records none. */
  currency: string | null;
  /** How the amounts were converted into `currency` (with `fx` and other currencies in the data). */
  fx?: FxUsed;
  /** With `by`: the cohorts per segment, segments by value (the missing value last). */
  segments?: SubscriptionCohortSegment[];
  /** With `by`: the segment column and the smallest segment compared. */
  segmentBy?: { by: ResolvedChurnBy; minSize: number };
}

type Raw = {
  segment: string | null;
  cohort: string;
  cohort_start: Date;
  k: number;
  size: number;
  active: number;
  mrr: number;
  retention: number;
  mrr_per_customer: number;
  mrr_retention: number | null;
  cumulative_mrr_per_customer: number;
  cohort_mrr: number;
  total_mrr: number;
};

const KEYS = optionKeys<SubscriptionCohortOptions>({
  from: true,
  to: true,
  source: true,
  fx: true,
  by: true,
  minSize: true,
  customers: true,
});

/**
 * Retention of paying customers and of MRR by start month.
 * @example const result = await subscriptionCohorts(wb); await show(cohortHeatmap(result, { metric: 'revenueRetention' }));
 */
export async function subscriptionCohorts(
  wb: Workbench,
  options: SubscriptionCohortOptions = {},
): Promise<SubscriptionCohortResult> {
  checkOptionKeys('subscriptionCohorts', options, KEYS);
  const given = options.source ?? SUBSCRIPTIONS_TABLE;
  const { table: source, bounds, currency, fx } = await inOneCurrency(wb, given, options.fx, 'subscriptionCohorts');
  const { from, to } = monthRange(bounds, options.from, options.to);
  const minSize = minSizeOption(options.minSize, 0);
  const by =
    options.by === undefined
      ? null
      : await resolveChurnBy(
          wb,
          options.by,
          given,
          bounds.columns,
          options.customers ?? 'customers',
          'subscriptionCohorts',
        );
  const column = by?.kind === 'subscriptions' ? by.column : undefined;
  const [raw, segmentRaw] = await withMonthTables(wb, { source, columns: bounds.columns, column }, async (t) => [
    await wb.query<Raw>(subscriptionCohortsSql(source, t), { from, to }),
    by ? await wb.query<Raw>(subscriptionCohortsSql(source, t, by), { from, to }) : [],
  ]);
  const used = { given, from, to, asOfFromData: options.to === undefined, currency, fx };
  const all = cohortResult(raw, used);
  if (!by) return all;
  const values = [...new Set(segmentRaw.map((r) => r.segment))];
  const segments = values.map((segment) => {
    const cohorts = cohortResult(
      segmentRaw.filter((r) => r.segment === segment),
      used,
    );
    return { segment, customers: cohorts.customerCount, tooSmall: cohorts.customerCount < minSize, cohorts };
  });
  return tagResult({ ...all, segments, segmentBy: { by, minSize } }, 'SubscriptionCohortResult');
}

/** One cohort result from its rows (all customers, or one segment's). */
function cohortResult(
  raw: readonly Raw[],
  u: { given: string; from: Date; to: Date; asOfFromData: boolean; currency: string | null; fx: FxUsed | undefined },
): SubscriptionCohortResult {
  const { given, from, to, currency, fx } = u;
  const rows: CohortCell[] = raw.map((r) => ({
    cohort: r.cohort,
    start: r.cohort_start,
    period: Number(r.k),
    size: Number(r.size),
    observed: Number(r.size),
    active: Number(r.active),
    retention: r.retention,
    revenue: r.mrr,
    revenuePerCustomer: r.mrr_per_customer,
    revenueRetention: r.mrr_retention === null || !Number.isFinite(r.mrr_retention) ? NaN : r.mrr_retention,
    cumulativeRevenuePerCustomer: r.cumulative_mrr_per_customer,
    partial: false,
  }));
  const summaries = new Map<string, CohortSummary>();
  for (const [i, c] of rows.entries()) {
    const key = c.cohort ?? '';
    // the MRR summed over a cohort's cells exactly, in SQL
    const s = summaries.get(key) ?? {
      cohort: c.cohort,
      ...(c.start ? { start: c.start } : {}),
      size: c.size,
      periods: 0,
      revenue: raw[i]?.cohort_mrr ?? 0,
    };
    s.periods += 1;
    summaries.set(key, s);
  }
  const cohorts = [...summaries.values()];
  const warnings: string[] = [];
  if (cohorts.length === 0) warnings.push(subscriptionMessages.warnNoPaying(given));
  const asOf = addMonths(to, 1);
  return tagResult(
    {
      options: {
        period: 'month' as const,
        by: null,
        byTable: null,
        asOf,
        asOfFromData: u.asOfFromData,
        returns: 'net' as const,
        dropPartial: false,
        source: given,
        customers: 'customers',
        from,
        to,
      },
      cohorts,
      rows,
      average: averageCurve(rows),
      customerCount: cohorts.reduce((s, c) => s + c.size, 0),
      revenue: raw[0]?.total_mrr ?? 0,
      lastPeriod: { key: to.toISOString().slice(0, 7), start: to, partial: false },
      returnsOnlyCustomers: 0,
      returnsBeforeFirstPurchase: 0,
      currency,
      ...(fx ? { fx } : {}),
      warnings,
    },
    'SubscriptionCohortResult',
  );
}
