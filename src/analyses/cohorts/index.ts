/**
 * Cohort analysis: customers grouped by when (first-order month, ISO week or quarter) or how
 * (an attribute of their first order, or of the customers table) they started, followed period by
 * period after their first order: customer retention, revenue, revenue retention and cumulative
 * revenue per customer (historical lifetime value). Computed in DuckDB ({@link cohortsSql}); the
 * result holds only the cohort × period cells, which are few.
 *
 * Definitions (also in the README):
 * - A customer's cohort starts with their first *purchase* (a non-return row) before `asOf`. A
 *   customer whose first row is a return (a credit for a purchase made before the data starts) joins
 *   the cohort of their first purchase; the earlier return rows are left out of every cell and
 *   counted in `returnsBeforeFirstPurchase`. Customers with only returns are in no cohort
 *   (`returnsOnlyCustomers`).
 * - Active in period k: at least one purchase row in the k-th period after the first-order period
 *   (a period holding only returns does not count). Revenue: net of returns (`returns: 'net'`).
 * - Observation ends at `asOf`. Periods starting on or after it are absent; the period holding
 *   `asOf` is partial when `asOf` falls before its end (flagged, or dropped with `dropPartial`).
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { quoteIdentifier } from '../../sql.js';
import type { CohortAveragePoint, CohortCell, CohortOptions, CohortResult, CohortSummary } from './types.js';
import { resolveAsOf } from '../shared/as-of.js';
import { checkOptionKeys, dateOption, keyword, optionKeys } from '../shared/validate.js';
import {
  COHORT_PERIODS,
  cohortPeriodsSql,
  cohortsSql,
  cohortStatsSql,
  periodKeySql,
  PERIODS_TABLE,
  type CohortPeriod,
} from './sql.js';

export type { CohortPeriod } from './sql.js';

export type {
  CohortOptions,
  CohortOptionsUsed,
  CohortCell,
  CohortSummary,
  CohortAveragePoint,
  CohortResult,
} from './types.js';
import { checkTransactionSource, isTransactionColumn } from '../shared/source.js';
import { tagResult } from '../../inspect.js';
import { cohortMessages } from './messages.js';

const PERIOD_INTERVAL: Record<CohortPeriod, string> = {
  month: 'interval 1 month',
  quarter: 'interval 3 month',
  week: 'interval 7 day',
};

const COHORT_KEYS = optionKeys<CohortOptions>({
  period: true,
  by: true,
  byTable: true,
  asOf: true,
  returns: true,
  dropPartial: true,
  source: true,
  customers: true,
});

function validate(options: CohortOptions): void {
  checkOptionKeys('cohorts', options, COHORT_KEYS);
  if (options.period !== undefined) keyword('period', options.period, COHORT_PERIODS);
  if (options.returns !== undefined) keyword('returns', options.returns, ['net', 'ignore']);
  if (options.asOf !== undefined) dateOption('asOf', options.asOf);
}

/** Find the table holding `by`, or throw naming the column and listing the usable ones. */
async function resolveBy(
  wb: Workbench,
  by: string,
  byTable: CohortOptions['byTable'],
  txColumns: string[],
  customers: string,
): Promise<'transactions' | 'customers'> {
  const tx = txColumns.filter((c) => !isTransactionColumn(c));
  const cu = (await wb.columns(customers)).map((c) => c.name).filter((c) => c !== 'customer_id');
  if (byTable !== 'customers' && tx.includes(by)) return 'transactions';
  if (byTable !== 'transactions' && cu.includes(by)) return 'customers';
  const searched = {
    transactions: byTable === 'customers' ? undefined : tx,
    customers: byTable === 'transactions' ? undefined : cu,
  };
  throw new WorkbenchError(
    'UNKNOWN_COLUMN',
    cohortMessages.unknownCohortAttribute(by, searched.transactions, customers, searched.customers),
    { by, transactions: tx, customers: cu },
  );
}

type CellRow = {
  cohort: string | null;
  cohort_start: Date | null;
  k: number;
  size: number;
  observed: number;
  active: number;
  retention: number;
  revenue: number;
  revenue_per_customer: number;
  revenue_retention: number | null;
  cumulative_revenue_per_customer: number;
  partial: boolean;
};

const finite = (x: number | null): number => (x === null || !Number.isFinite(x) ? NaN : x);

/** Size-weighted average curve over the fully observed cells. */
export function averageCurve(rows: readonly CohortCell[]): CohortAveragePoint[] {
  const byK = new Map<number, CohortCell[]>();
  for (const r of rows) if (!r.partial) byK.set(r.period, [...(byK.get(r.period) ?? []), r]);
  return [...byK.keys()]
    .sort((a, b) => a - b)
    .map((period) => {
      const cells = byK.get(period) ?? [];
      const customers = cells.reduce((s, c) => s + c.observed, 0);
      const active = cells.reduce((s, c) => s + c.active, 0);
      const withRr = cells.filter((c) => Number.isFinite(c.revenueRetention));
      const rrWeight = withRr.reduce((s, c) => s + c.observed, 0);
      return {
        period,
        cohorts: cells.length,
        customers,
        active,
        retention: customers > 0 ? active / customers : NaN,
        revenueRetention:
          rrWeight > 0 ? withRr.reduce((s, c) => s + c.observed * c.revenueRetention, 0) / rrWeight : NaN,
        cumulativeRevenuePerCustomer:
          customers > 0 ? cells.reduce((s, c) => s + c.observed * c.cumulativeRevenuePerCustomer, 0) / customers : NaN,
      };
    });
}

/**
 * Cohorts by first-order period (or by an attribute of how customers started), with retention,
 * revenue retention and cumulative revenue per customer per period since the first order.
 * @example const result = await cohorts(wb, { period: 'month' });
 * @example const byCountry = await cohorts(wb, { by: 'country', dropPartial: true });
 */
export async function cohorts(wb: Workbench, options: CohortOptions = {}): Promise<CohortResult> {
  validate(options);
  const period = options.period ?? 'month';
  const source = options.source ?? 'transactions';
  const customers = options.customers ?? 'customers';
  const returns = options.returns ?? 'net';
  const dropPartial = options.dropPartial ?? false;
  const txColumns = await checkTransactionSource(wb, source);
  const byTable =
    options.by === undefined ? null : await resolveBy(wb, options.by, options.byTable, txColumns, customers);

  const { asOf } = await resolveAsOf(wb, source, options.asOf);
  const [last] = await wb.query<{ s: Date; key: string; partial: boolean }>(
    `select s, ${periodKeySql(period, 's')} as key, s + ${PERIOD_INTERVAL[period]} > $asOf as partial
     from (select date_trunc('${period}', $asOf - interval 1 microsecond) as s)`,
    { asOf },
  );
  if (!last) throw new Error('cohorts: last-period query returned no row');

  // a table per call, so concurrent calls on one Workbench cannot read each other's aggregates
  const periodsTable = wb.tempName(PERIODS_TABLE);
  const sqlOptions = {
    source,
    period,
    returns,
    dropPartial,
    periodsTable,
    ...(options.by !== undefined && byTable ? { by: { column: options.by, from: byTable, table: customers } } : {}),
  };
  let raw: CellRow[];
  let extra: { returns_only: number; returns_only_amount: number; early: number; early_amount: number } | undefined;
  try {
    await wb.run(cohortPeriodsSql(sqlOptions), { asOf });
    raw = await wb.query<CellRow>(cohortsSql(sqlOptions), { asOf, lastStart: last.s, lastPartial: last.partial });
    [extra] = await wb.query<{
      returns_only: number;
      returns_only_amount: number;
      early: number;
      early_amount: number;
    }>(cohortStatsSql(sqlOptions), { asOf });
  } finally {
    await wb.run(`drop table if exists ${quoteIdentifier(periodsTable)}`);
  }
  const rows: CohortCell[] = raw.map((r) => ({
    cohort: r.cohort,
    ...(r.cohort_start ? { start: r.cohort_start } : {}),
    period: r.k,
    size: r.size,
    observed: r.observed,
    active: r.active,
    retention: r.retention,
    revenue: r.revenue,
    revenuePerCustomer: r.revenue_per_customer,
    revenueRetention: finite(r.revenue_retention),
    cumulativeRevenuePerCustomer: r.cumulative_revenue_per_customer,
    partial: r.partial,
  }));
  const summaries = new Map<string | null, CohortSummary>();
  for (const r of rows) {
    const s = summaries.get(r.cohort) ?? {
      cohort: r.cohort,
      ...(r.start ? { start: r.start } : {}),
      size: r.size,
      periods: 0,
      revenue: 0,
    };
    s.periods += 1;
    s.revenue += r.revenue;
    summaries.set(r.cohort, s);
  }
  const list = [...summaries.values()];
  const customerCount = list.reduce((s, c) => s + c.size, 0);
  const warnings: string[] = [];
  const returnsOnlyCustomers = Number(extra?.returns_only ?? 0);
  const returnsBeforeFirstPurchase = returns === 'ignore' ? 0 : Number(extra?.early ?? 0);
  if (returnsOnlyCustomers > 0) warnings.push(cohortMessages.warnReturnsOnlyCohorts(returnsOnlyCustomers));
  if (returnsBeforeFirstPurchase > 0) warnings.push(cohortMessages.warnReturnsBeforeFirst(returnsBeforeFirstPurchase));
  if (customerCount === 0) warnings.push(cohortMessages.warnNoCohorts());
  if (byTable === 'customers') {
    const unknown = list.find((c) => c.cohort === null);
    if (unknown) warnings.push(cohortMessages.warnNoCohortValue(unknown.size, String(options.by), customers));
  }
  // The first time cohort also holds everyone who bought before the data starts: no average or trend leans on it.
  const leftCensored = options.by === undefined && list.length > 1 ? (list[0]?.cohort ?? undefined) : undefined;
  return tagResult(
    {
      options: {
        period,
        by: options.by ?? null,
        byTable,
        asOf,
        asOfFromData: options.asOf === undefined,
        returns,
        dropPartial,
        source,
        customers,
      },
      cohorts: list,
      rows,
      average: averageCurve(leftCensored === undefined ? rows : rows.filter((r) => r.cohort !== leftCensored)),
      customerCount,
      revenue: list.reduce((s, c) => s + c.revenue, 0),
      lastPeriod: { key: last.key, start: last.s, partial: last.partial },
      returnsOnlyCustomers,
      returnsBeforeFirstPurchase,
      returnsOnlyRevenue: returns === 'ignore' ? 0 : Number(extra?.returns_only_amount ?? 0),
      returnsBeforeFirstPurchaseRevenue: returns === 'ignore' ? 0 : Number(extra?.early_amount ?? 0),
      ...(leftCensored !== undefined ? { leftCensored } : {}),
      warnings,
    },
    'CohortResult',
  );
}
