/**
 * RFM analysis: recency, frequency and monetary value per customer, scored 1..bins and named by
 * a segment map, all in DuckDB. The per-customer rows stay in a DuckDB table (`rfm` by default);
 * the result carries only aggregates (segments, loyalty groups, R×F grid, distributions) plus the
 * options actually used, so a report can say how it was made. Fetch rows with {@link rfmCustomers}.
 */
import type { Workbench } from '../../workbench.js';
import { WorkbenchError } from '../../errors.js';
import { isoDate } from '../../locale.js';
import { quoteIdentifier } from '../../sql.js';
import { rfmSql, segmentParams, type RfmThresholds } from './sql.js';
import {
  distribution, gridCells, groupSummaries, loyaltySummaries, scoreRanges, topCustomersRevenueShare,
  type RfmDistribution, type RfmGridCell, type RfmGroupSummary, type RfmScoreRange,
} from './summary.js';
import { standardSegmentMap, validateSegmentMap, type SegmentMap } from './segment-map.js';

export type { RfmThresholds } from './sql.js';
export { rfmCustomers, type RfmCustomer, type RfmCustomersOptions } from './customers.js';

/** Options of {@link rfm}. */
export interface RfmOptions {
  /**
   * The moment of the analysis: recency counts whole days from the day of the last order to the
   * day of `asOf`. @defaultValue the day after the last order in the data (00:00 UTC)
   */
  asOf?: Date;
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
  /** Recoverable data quirks. */
  warnings: string[];
}

const REQUIRED = ['customer_id', 'order_id', 'order_date', 'amount', 'is_return'];

function resolveScoring(options: RfmOptions): { bins: number; scoring: 'quantile' | RfmThresholds } {
  const scoring = options.scoring ?? 'quantile';
  if (scoring === 'quantile') return { bins: options.bins ?? options.segmentMap?.bins ?? 5, scoring };
  const bins = options.bins ?? scoring.recency.length + 1;
  for (const [name, values] of Object.entries(scoring) as Array<[string, readonly number[]]>) {
    const ascending = values.every((v, i) => Number.isFinite(v) && (i === 0 || v > (values[i - 1] ?? v)));
    if (values.length !== bins - 1 || !ascending) {
      throw new WorkbenchError('BAD_OPTION', `scoring.${name} must hold ${bins - 1} strictly ascending numbers (one per score step for ${bins} bins), got [${values.join(', ')}].`, { name, values });
    }
  }
  return { bins, scoring };
}

async function checkSource(wb: Workbench, source: string): Promise<void> {
  const cols = await wb.query<{ column_name: string }>(
    'select column_name from information_schema.columns where table_name = $t order by ordinal_position',
    { t: source },
  );
  const have = cols.map((c) => c.column_name);
  const missing = REQUIRED.filter((c) => !have.includes(c));
  if (have.length === 0) throw new WorkbenchError('NO_DATA', `There is no table ${source}. Load transactions first with loadTransactions().`, { source });
  if (missing.length) throw new WorkbenchError('MISSING_FIELD', `Table ${source} lacks column(s) ${missing.join(', ')} (has ${have.join(', ')}). Load it with loadTransactions().`, { missing });
}

async function resolveAsOf(wb: Workbench, source: string, asOf: Date | undefined, laterOrders: 'error' | 'exclude'): Promise<{ asOf: Date; fromData: boolean }> {
  const src = quoteIdentifier(source);
  if (asOf === undefined) {
    const [row] = await wb.query(`select date_trunc('day', max(order_date)) + interval 1 day as as_of from ${src}`);
    const derived = row?.['as_of'];
    if (!(derived instanceof Date)) throw new WorkbenchError('NO_DATA', `Table ${source} has no orders to analyse.`, { source });
    return { asOf: derived, fromData: true };
  }
  if (Number.isNaN(asOf.getTime())) throw new WorkbenchError('BAD_OPTION', 'asOf is not a valid date.', {});
  if (laterOrders === 'error') {
    const [row] = await wb.query(`select count(*) as n, max(order_date) as last from ${src} where order_date >= $asOf`, { asOf });
    const n = Number(row?.['n'] ?? 0);
    const last = row?.['last'];
    if (n > 0 && last instanceof Date) {
      throw new WorkbenchError('BAD_OPTION', `asOf ${asOf.toISOString()} is before ${n} transaction row(s); the latest order is on ${last.toISOString()}. Pass a later asOf (e.g. ${isoDate(new Date(last.getTime() + 86_400_000))}) or laterOrders: 'exclude' to score customers as they were at asOf.`, { asOf, latestOrder: last, laterRows: n });
    }
  }
  return { asOf, fromData: false };
}

/**
 * Score every customer by recency, frequency and monetary value and name their segment.
 * Creates (or replaces) the table `options.table` with one {@link RfmCustomer} row per customer.
 * @example const result = await rfm(wb, { asOf: new Date('2011-12-10') });
 */
export async function rfm(wb: Workbench, options: RfmOptions = {}): Promise<RfmResult> {
  const source = options.source ?? 'transactions';
  const table = options.table ?? 'rfm';
  const returns = options.returns ?? 'net';
  const laterOrders = options.laterOrders ?? 'error';
  const { bins, scoring } = resolveScoring(options);
  const minSize = options.minSize ?? 30;
  if (!Number.isInteger(minSize) || minSize < 1) throw new WorkbenchError('BAD_OPTION', `minSize must be a whole number ≥ 1, got ${minSize}.`, { minSize });
  const segmentMap = options.segmentMap ?? standardSegmentMap(bins);
  validateSegmentMap(segmentMap, bins);
  await checkSource(wb, source);
  const { asOf, fromData } = await resolveAsOf(wb, source, options.asOf, laterOrders);

  const sql = rfmSql({ source, table, bins, scoring, returns, excludeLater: laterOrders === 'exclude', segmentMap });
  await wb.run(sql, { asOf, ...segmentParams(segmentMap) });

  const t = quoteIdentifier(table);
  const [totals] = await wb.query(`select count(*) as n, sum(monetary) as revenue, min(first_order) as first, max(last_order) as last from ${t}`);
  const customerCount = Number(totals?.['n'] ?? 0);
  if (customerCount === 0) {
    throw new WorkbenchError('NO_DATA', `No customer has a purchase before ${asOf.toISOString()} in ${source}; nothing to score.`, { asOf });
  }
  const [ret] = await wb.query(
    `select count(distinct customer_id) as n from ${quoteIdentifier(source)}
     where is_return and customer_id not in (select customer_id from ${t})${laterOrders === 'exclude' ? ' and order_date < $asOf' : ''}`,
    laterOrders === 'exclude' ? { asOf } : {},
  );
  const returnsOnlyCustomers = Number(ret?.['n'] ?? 0);
  const warnings: string[] = [];
  if (returnsOnlyCustomers > 0 && returns === 'net') {
    warnings.push(`${returnsOnlyCustomers} customer(s) have only returns in the period and are not scored.`);
  }
  const ranges = await scoreRanges(wb, table);
  for (const k of ['r', 'f', 'm'] as const) {
    const used = ranges.filter((x) => x.score === k).length;
    if (used < bins) warnings.push(`Only ${used} of ${bins} ${k} scores occur: the data has too few distinct values${scoring === 'quantile' ? '' : ' or the thresholds leave scores empty'}.`);
  }
  return {
    table,
    options: { asOf, asOfFromData: fromData, bins, scoring, returns, laterOrders, segmentMap, minSize, source, table },
    customerCount,
    returnsOnlyCustomers,
    revenue: Number(totals?.['revenue'] ?? 0),
    period: { first: totals?.['first'] as Date, last: totals?.['last'] as Date },
    segments: await groupSummaries(wb, table, 'segment', segmentMap.segments.map((s) => s.key), minSize),
    loyalty: await loyaltySummaries(wb, table, minSize),
    grid: await gridCells(wb, table, segmentMap),
    scoreRanges: ranges,
    distributions: {
      recency: await distribution(wb, table, 'recency'),
      frequency: await distribution(wb, table, 'frequency'),
      monetary: await distribution(wb, table, 'monetary'),
    },
    top20RevenueShare: await topCustomersRevenueShare(wb, table, 0.2),
    warnings,
  };
}
