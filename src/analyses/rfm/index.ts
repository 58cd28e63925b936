/**
 * RFM analysis: recency, frequency and monetary value per customer, scored 1..bins and named by
 * a segment map, all in DuckDB. The per-customer rows stay in a DuckDB table (`rfm` by default);
 * the result carries only aggregates (segments, loyalty groups, R×F grid, distributions) plus the
 * options actually used, so a report can say how it was made. Fetch rows with {@link rfmCustomers}.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { moneySum, quoteIdentifier } from '../../sql.js';
import { rfmSql, segmentParams, type RfmThresholds } from './sql.js';
import {
  distribution,
  gridCells,
  groupSummaries,
  loyaltySummaries,
  scoreRanges,
  topCustomersRevenueShare,
  type RfmDistribution,
  type RfmGridCell,
  type RfmGroupSummary,
  type RfmScoreRange,
} from './summary.js';
import { standardSegmentMap, validateSegmentMap, type SegmentMap } from './segment-map.js';
import { checkTransactionSource } from '../shared/source.js';
import { resolveAsOf, type ResolvedAsOf } from '../shared/as-of.js';
import {
  checkOptionKeys,
  keyword,
  optionKeys,
  outputTable,
  type DateInput,
  minSizeOption,
} from '../shared/validate.js';
import { withCustomerAggregate, withStableSources } from '../shared/customer-cache.js';
import { dataSufficiency, resolveMinimums, type Minimums, type Sufficiency } from '../shared/sufficiency.js';
import { tagResult } from '../../inspect.js';
import { rfmMessages } from './messages.js';
import { recordSegmentKeys } from './customers.js';

export type { RfmThresholds } from './sql.js';
export { rfmCustomers, type RfmCustomer, type RfmCustomersOptions } from './customers.js';

/** Options of {@link rfm}. */
export interface RfmOptions {
  /**
   * The moment of the analysis: recency counts whole days from the day of the last order to the
   * day of `asOf`. @defaultValue the day after the last order in the data (00:00 UTC)
   */
  asOf?: DateInput;
  /** Number of bins per score (2..20). @defaultValue the segment map's bins, else 5; thresholds + 1 with fixed thresholds */
  bins?: number;
  /**
   * `'quantile'`: scores by cumulative share, equal values get equal scores (see `quantileScoreSql`);
   * or fixed business thresholds per score (`bins - 1` ascending values each). @defaultValue 'quantile'
   */
  scoring?: 'quantile' | RfmThresholds;
  /**
   * `'net'`: monetary is the sum of all amounts including negative returns; `'ignore'`: return rows
   * are left out. Frequency and recency only count purchase orders (`is_return = false`) either way.
   * @defaultValue 'net'
   */
  returns?: 'net' | 'ignore';
  /**
   * What to do with orders on or after `asOf`: `'error'` throws (naming the latest order date),
   * `'exclude'` leaves them out (RFM as it was at `asOf`, e.g. for migration). @defaultValue 'error'
   */
  laterOrders?: 'error' | 'exclude';
  /** Segment map; checked for gaps and overlaps. @defaultValue standardSegmentMap(bins) */
  segmentMap?: SegmentMap;
  /** Segments and loyalty groups with fewer customers are flagged `tooSmall` (too small to act on). @defaultValue 30 */
  minSize?: number;
  /** Transactions table. @defaultValue 'transactions' */
  source?: string;
  /** Table (re)created with one row per customer. @defaultValue 'rfm' */
  table?: string;
  /** Allow `table` to name an input table (`transactions`, `customers`) or `source`, replacing it. @defaultValue false */
  replace?: boolean;
  /**
   * Minimums the data must meet for reliable scores, checked into `result.sufficiency` (given ones replace the
   * defaults one by one; any check of {@link Minimums} may be added). @defaultValue { customers: 50, historyDays: 180 }
   */
  minimums?: Minimums;
}

/** The options of an RFM run with every default filled in. */
export interface RfmOptionsUsed {
  /** As-of moment. */
  asOf: Date;
  /** True when `asOf` was derived from the data. */
  asOfFromData: boolean;
  /** Bins per score. */
  bins: number;
  /** Scoring rule. */
  scoring: 'quantile' | RfmThresholds;
  /** Return handling. */
  returns: 'net' | 'ignore';
  /** Handling of orders after `asOf`. */
  laterOrders: 'error' | 'exclude';
  /** The segment map used. */
  segmentMap: SegmentMap;
  /** Groups below this many customers are flagged `tooSmall`. */
  minSize: number;
  /** Transactions table. */
  source: string;
  /** Per-customer table. */
  table: string;
  /** Minimums checked in `sufficiency`. */
  minimums: Minimums;
}

/** What {@link rfm} returns: aggregates only; per-customer rows are in `table`. */
export interface RfmResult {
  /** Name of the DuckDB table with one row per customer (see {@link RfmCustomer}). */
  table: string;
  /** Options actually used. */
  options: RfmOptionsUsed;
  /** Customers scored (with at least one purchase order before `asOf`). */
  customerCount: number;
  /** Customers left out because they only have returns. */
  returnsOnlyCustomers: number;
  /** Net amount of those customers' rows (≤ 0): what the data's net revenue holds beyond `revenue`; 0 with `returns: 'ignore'`. */
  returnsOnlyRevenue: number;
  /** Total net revenue of the scored customers. */
  revenue: number;
  /** First and last purchase in the scored data. */
  period: { first: Date; last: Date };
  /** One entry per segment of the map, in map order (empty segments included). */
  segments: RfmGroupSummary[];
  /** Loyal, potential, at risk, lost — in that order. */
  loyalty: RfmGroupSummary[];
  /** R×F grid, r from bins down to 1, f from 1 up. */
  grid: RfmGridCell[];
  /** Value range per score value. */
  scoreRanges: RfmScoreRange[];
  /** Binned distributions for charts. */
  distributions: { recency: RfmDistribution; frequency: RfmDistribution; monetary: RfmDistribution };
  /** Share of revenue from the top 20% of customers by monetary (NaN when revenue ≤ 0). */
  top20RevenueShare: number;
  /** Is the data enough: customers with a purchase and days of history before `asOf` against `options.minimums`. */
  sufficiency: Sufficiency;
  /** Recoverable data quirks. */
  warnings: string[];
}

/** Bins and scoring rule of RFM options, thresholds checked (also for analyses that score RFM at other dates). */
export function resolveScoring(options: RfmOptions): { bins: number; scoring: 'quantile' | RfmThresholds } {
  const scoring = options.scoring ?? 'quantile';
  if (scoring === 'quantile') return { bins: options.bins ?? options.segmentMap?.bins ?? 5, scoring };
  const bins = options.bins ?? scoring.recency.length + 1;
  for (const [name, values] of Object.entries(scoring) as Array<[string, readonly number[]]>) {
    const ascending = values.every((v, i) => Number.isFinite(v) && (i === 0 || v > (values[i - 1] ?? v)));
    if (values.length !== bins - 1 || !ascending) {
      throw new WorkbenchError('BAD_OPTION', rfmMessages.badThresholds(name, bins, values), { name, values });
    }
  }
  return { bins, scoring };
}

/** Every option name of {@link rfm}. */
const RFM_KEYS = optionKeys<RfmOptions>({
  asOf: true,
  bins: true,
  scoring: true,
  returns: true,
  laterOrders: true,
  segmentMap: true,
  minSize: true,
  source: true,
  table: true,
  replace: true,
  minimums: true,
});

/** The as-of moment (shared rule); a given one is checked against later orders unless they are excluded. */
async function resolveRfmAsOf(
  wb: Workbench,
  source: string,
  given: DateInput | undefined,
  laterOrders: 'error' | 'exclude',
): Promise<ResolvedAsOf> {
  const src = quoteIdentifier(source);
  const resolved = await resolveAsOf(wb, source, given);
  const { asOf } = resolved;
  if (!resolved.fromData && laterOrders === 'error') {
    const [row] = await wb.query(
      `select count(*) as n, max(order_date) as last from ${src} where order_date >= $asOf`,
      { asOf },
    );
    const n = Number(row?.['n'] ?? 0);
    const last = row?.['last'];
    if (n > 0 && last instanceof Date) {
      throw new WorkbenchError('BAD_OPTION', rfmMessages.asOfBeforeOrders(asOf, n, last), {
        asOf,
        latestOrder: last,
        laterRows: n,
      });
    }
  }
  return resolved;
}

/**
 * Score every customer by recency, frequency and monetary value and name their segment.
 * Creates (or replaces) the table `options.table` with one {@link RfmCustomer} row per customer.
 * @example const result = await rfm(wb, { asOf: new Date('2011-12-10') });
 */
export async function rfm(wb: Workbench, options: RfmOptions = {}): Promise<RfmResult> {
  // One fingerprint of the transactions for the whole call (it changes none): src/analyses/shared/customer-cache.ts.
  return withStableSources(wb, () => scoreRfm(wb, options));
}

/** What {@link rfmSegments} gives: the scored table and what migration reads of it. */
export type RfmSegmentsRun = Pick<
  RfmResult,
  | 'table'
  | 'options'
  | 'customerCount'
  | 'returnsOnlyCustomers'
  | 'returnsOnlyRevenue'
  | 'revenue'
  | 'period'
  | 'segments'
  | 'warnings'
>;

/**
 * Score every customer into `options.table` as {@link rfm} does, giving only the segment sizes and warnings: for
 * analyses that need the segments at another date (migration) and none of the charts' figures (loyalty groups,
 * grid, distributions, revenue share, sufficiency), which cost a query each.
 * @example const { segments } = await rfmSegments(wb, { asOf: '2011-06-01', laterOrders: 'exclude', table: 'rfm_june' });
 */
export async function rfmSegments(wb: Workbench, options: RfmOptions = {}): Promise<RfmSegmentsRun> {
  return withStableSources(wb, async () => (await scoreSegments(wb, options)).run);
}

async function scoreRfm(wb: Workbench, options: RfmOptions = {}): Promise<RfmResult> {
  const { ranges, run } = await scoreSegments(wb, options);
  const { table, segmentMap, minSize, asOf, source, minimums } = run.options;
  // the keys in the order RfmResult lists them (printed results and saved JSON read the same)
  return tagResult(
    {
      table,
      options: run.options,
      customerCount: run.customerCount,
      returnsOnlyCustomers: run.returnsOnlyCustomers,
      returnsOnlyRevenue: run.returnsOnlyRevenue,
      revenue: run.revenue,
      period: run.period,
      segments: run.segments,
      loyalty: await loyaltySummaries(wb, table, minSize),
      grid: await gridCells(wb, table, segmentMap),
      scoreRanges: ranges,
      distributions: {
        recency: await distribution(wb, table, 'recency'),
        frequency: await distribution(wb, table, 'frequency'),
        monetary: await distribution(wb, table, 'monetary'),
      },
      top20RevenueShare: await topCustomersRevenueShare(wb, table, 0.2),
      sufficiency: await dataSufficiency(wb, 'rfm', { asOf, source, minimums }),
      warnings: run.warnings,
    },
    'RfmResult',
  );
}

async function scoreSegments(
  wb: Workbench,
  options: RfmOptions,
): Promise<{ run: RfmSegmentsRun; ranges: RfmResult['scoreRanges'] }> {
  checkOptionKeys('rfm', options, RFM_KEYS);
  const source = options.source ?? 'transactions';
  const table = outputTable('rfm', options.table, 'rfm', { source, ...(options.replace ? { replace: true } : {}) });
  const returns = keyword('returns', options.returns ?? 'net', ['net', 'ignore']);
  const laterOrders = keyword('laterOrders', options.laterOrders ?? 'error', ['error', 'exclude']);
  const { bins, scoring } = resolveScoring(options);
  const minSize = minSizeOption(options.minSize);
  const minimums = resolveMinimums('rfm', options.minimums);
  const segmentMap = options.segmentMap ?? standardSegmentMap(bins);
  validateSegmentMap(segmentMap, bins);
  await checkTransactionSource(wb, source);
  const { asOf, fromData } = await resolveRfmAsOf(wb, source, options.asOf, laterOrders);

  // Without later orders (excluded, or none: checked above) the rows before the as-of moment are all the rows.
  await withCustomerAggregate(wb, { source, asOf, returns }, (aggregate) =>
    wb.run(
      rfmSql({ source, table, bins, scoring, returns, excludeLater: laterOrders === 'exclude', segmentMap, aggregate }),
      { asOf, ...segmentParams(segmentMap) },
    ),
  );

  recordSegmentKeys(
    wb,
    table,
    segmentMap.segments.map((s) => s.key),
  );
  const t = quoteIdentifier(table);
  const [totals] = await wb.query(
    `select count(*) as n, sum(monetary) as revenue, min(first_order) as first, max(last_order) as last from ${t}`,
  );
  const customerCount = Number(totals?.['n'] ?? 0);
  if (customerCount === 0) {
    throw new WorkbenchError('NO_DATA', rfmMessages.nothingToScore(asOf, source), { asOf });
  }
  const [ret] = await wb.query(
    `select count(distinct customer_id) as n, coalesce(${moneySum()}, 0)::double as amount from ${quoteIdentifier(source)}
     where is_return and customer_id not in (select customer_id from ${t})${laterOrders === 'exclude' ? ' and order_date < $asOf' : ''}`,
    laterOrders === 'exclude' ? { asOf } : {},
  );
  const returnsOnlyCustomers = Number(ret?.['n'] ?? 0);
  const returnsOnlyRevenue = returns === 'net' ? Number(ret?.['amount'] ?? 0) : 0;
  const warnings: string[] = [];
  if (returnsOnlyCustomers > 0 && returns === 'net') {
    warnings.push(rfmMessages.warnReturnsOnly(returnsOnlyCustomers));
  }
  const ranges = await scoreRanges(wb, table);
  for (const k of ['r', 'f', 'm'] as const) {
    const used = ranges.filter((x) => x.score === k).length;
    if (used < bins) warnings.push(rfmMessages.warnScoresUnused(used, bins, k, scoring === 'quantile'));
  }
  const run: RfmSegmentsRun = {
    table,
    options: {
      asOf,
      asOfFromData: fromData,
      bins,
      scoring,
      returns,
      laterOrders,
      segmentMap,
      minSize,
      source,
      table,
      minimums,
    },
    customerCount,
    returnsOnlyCustomers,
    returnsOnlyRevenue,
    revenue: Number(totals?.['revenue'] ?? 0),
    period: { first: totals?.['first'] as Date, last: totals?.['last'] as Date },
    segments: await groupSummaries(
      wb,
      table,
      'segment',
      segmentMap.segments.map((s) => s.key),
      minSize,
    ),
    warnings,
  };
  return { run, ranges };
}
